import type { z } from 'zod';
import type { CaseDetail, CaseRow, CaseSort, caseFilterQuery, caseListQuery } from '#common/contracts/cases.ts';
import { MAX_PAGE_SIZE, type PagingQuery } from '#common/contracts/paging.ts';
import type { EliminationMode } from '#common/domain/cases/elimination.ts';
import { STAGE_ACTORS, STAGE_LABELS, timeLimit, transition, type Stage } from '#common/domain/cases/workflow.ts';
import { can } from '#common/domain/roles.ts';
import type { Db } from '#server/db/connect.ts';
import { AppError } from '#server/lib/app-error.ts';
import { countyOfActor } from '#server/lib/county.ts';
import type { RequestContext } from '#server/lib/context.ts';
import { requirePermission } from '#server/lib/permissions.ts';
import type { AttachmentsService } from '../attachments/index.ts';
import { findClueForCase } from '../monitoring/index.ts';
import type { checkHouseholdElimination, workflowParamsOf } from './cases.outcome.ts';
import { pageWindow, usesCursor } from '#server/lib/paging.ts';
import {
  countCases,
  householdFacts,
  listCases,
  stepsOf,
  type CaseListFilter,
  type CaseRecord,
  type HouseholdFacts,
} from './cases.repository.ts';
import { orgFilterPrefix } from '#common/domain/org-code.ts';

// Reading cases: the list (with the time-limit filter) and one case with its steps, attachments,
// the actions the reader may take now, and the elimination checklist.

type ListQuery = z.infer<typeof caseListQuery>;
type CaseFilter = z.infer<typeof caseFilterQuery>;
const notFound = () => AppError.notFound({ zh: '事项', en: 'Case' });

interface ReadDeps {
  db: Db;
  attachments: AttachmentsService;
  today: () => string;
  workflowParams: (tx: Db, countyCode: string) => ReturnType<typeof workflowParamsOf>;
  eliminationCheck: (
    tx: Db,
    h: HouseholdFacts,
    mode: EliminationMode,
    rigidSpendingResolved: boolean | null,
  ) => ReturnType<typeof checkHouseholdElimination>;
}

export function createCaseReads({ db, attachments, today, workflowParams, eliminationCheck }: ReadDeps) {
  function limitView(
    c: Pick<CaseRecord, 'kind' | 'startedOn' | 'decidedOn' | 'status' | 'finishedOn'>,
    limitDays: number,
  ) {
    if (c.kind !== 'identification') return null;
    const end = c.decidedOn ?? (c.status === 'closed' ? c.finishedOn : null);
    return { ...timeLimit(c.startedOn, today(), limitDays, end), limitDays };
  }

  function toRow(r: Awaited<ReturnType<typeof listCases>>[number], limitDays: number): CaseRow {
    const c = r.c;
    return {
      id: c.id,
      kind: c.kind,
      stage: c.stage,
      status: c.status,
      householdId: c.householdId,
      householdNo: r.householdNo,
      headName: r.headName,
      villageCode: c.villageCode,
      villageName: r.villageName,
      townshipName: r.townshipName,
      riskTypes: c.riskTypes,
      monitoringType: c.monitoringType,
      eliminationMode: c.eliminationMode,
      startedOn: c.startedOn,
      noticeStartedOn: c.noticeStartedOn,
      noticeEndsOn: c.noticeEndsOn,
      decidedOn: c.decidedOn,
      finishedOn: c.finishedOn,
      timeLimit: limitView(c, limitDays),
      version: c.version,
    };
  }

  async function get(ctx: RequestContext, id: number): Promise<CaseDetail> {
    requirePermission(ctx, 'cases:read');
    const [r] = await listCases(db, { scopePrefix: ctx.actor.scopePrefix, ids: [id] }, { pageSize: 1 });
    if (!r) throw notFound();
    const c = r.c;
    const p = await workflowParams(db, c.countyCode);
    const steps = await stepsOf(db, c.id);
    const files = can(ctx.actor.role, 'attachments:read')
      ? await attachments.listMany(
          ctx,
          'caseStep',
          steps.map((s) => s.id),
        )
      : [];
    const h = (await householdFacts(db, '', c.householdId))!;
    const clue = c.clueId ? await findClueForCase(db, '', c.clueId, false) : undefined;
    const active = c.status === 'active' && c.stage !== 'done' && c.stage !== 'closed';
    const actors = active ? STAGE_ACTORS[c.stage as Exclude<Stage, 'done' | 'closed'>] : null;
    const mine = Boolean(actors && can(ctx.actor.role, 'cases:act') && actors.roles.includes(ctx.actor.role));
    const allowed: CaseDetail['allowedActions'] = [];
    if (mine) {
      if (c.stage === 'publicNotice' && !c.noticeStartedOn) allowed.push('startNotice');
      else allowed.push('complete');
      if (c.stage !== 'verification') allowed.push('reject');
      allowed.push('close');
    }
    let completeBlocked: CaseDetail['completeBlocked'] = null;
    if (allowed.includes('complete')) {
      const t = transition({ kind: c.kind, stage: c.stage, noticeStartedOn: c.noticeStartedOn }, 'complete', {
        role: ctx.actor.role,
        today: today(),
        noticeDays: p.noticeDays,
      });
      if (!t.ok) completeBlocked = { opensOn: t.opensOn ?? null, messageZh: t.messageZh, messageEn: t.messageEn };
    }
    let criteria = null;
    if (c.kind === 'elimination' && active) {
      const resolved =
        (c.data.verification as { rigidSpendingResolved?: boolean } | undefined)?.rigidSpendingResolved ?? null;
      criteria = (await eliminationCheck(db, h, c.eliminationMode as EliminationMode, resolved)).criteria;
    } else if (c.kind === 'elimination') {
      criteria = ((c.data.countyApproval as { criteria?: CaseDetail['criteria'] } | undefined)?.criteria ??
        null) as CaseDetail['criteria'];
    }
    return {
      ...toRow(r, p.limitDays),
      clue: clue
        ? {
            id: clue.id,
            channel: clue.channel,
            summary: clue.summary,
            openedAt: clue.openedAt.toISOString(),
            consentSigned: Boolean(clue.consent?.signed),
          }
        : null,
      naturalReason: c.naturalReason,
      data: c.data,
      steps: steps.map((s) => ({
        id: s.id,
        action: s.action,
        fromStage: s.fromStage,
        toStage: s.toStage,
        actorName: s.actorName,
        actorRole: s.actorRole,
        note: s.note,
        data: s.data,
        at: s.at.toISOString(),
        attachments: files
          .filter((f) => f.ownerId === s.id)
          .map((f) => ({ id: f.id, fileName: f.fileName, mime: f.mime, sizeBytes: f.sizeBytes })),
      })),
      allowedActions: allowed,
      actorLevel: actors ? (actors.level as 'county' | 'township' | 'village') : null,
      noticeDays: p.noticeDays,
      completeBlocked,
      criteria,
      household: {
        kind: h.kind,
        monitoringStatus: h.monitoring_status,
        monitoringType: h.monitoring_type,
        riskTypes: h.risk_types,
        identificationPeriod: h.identification_period,
        eliminationPeriod: h.elimination_period,
        wholeHouseholdNoLabour: h.whole_household_no_labour,
      },
    };
  }

  /** The list's filters as the repository reads them (the page, the total and the export share them). */
  async function filterOf(ctx: RequestContext, q: CaseFilter): Promise<{ filter: CaseListFilter; limitDays: number }> {
    const p = await workflowParams(db, countyOfActor(ctx));
    const filter: CaseListFilter = {
      scopePrefix: ctx.actor.scopePrefix,
      kind: q.kind,
      status: q.status,
      stage: q.stage,
      orgPrefix: orgFilterPrefix(q.orgCode),
      due: q.due,
      asOf: today(),
      limitDays: p.limitDays,
    };
    return { filter, limitDays: p.limitDays };
  }

  /** One numbered page (`page`), or the rows after the id cursor (`afterId`, `limit`), with the total. */
  async function list(ctx: RequestContext, q: ListQuery) {
    requirePermission(ctx, 'cases:read');
    const { filter, limitDays } = await filterOf(ctx, q);
    const paging = { ...q, pageSize: q.page === undefined ? (q.pageSize ?? q.limit) : q.pageSize };
    const win = pageWindow(paging);
    const [rows, total] = await Promise.all([listCases(db, filter, paging), countCases(db, filter)]);
    const items = rows.map((r) => toRow(r, limitDays));
    const more = usesCursor(paging) && items.length === win.pageSize;
    return {
      items,
      nextAfterId: more ? items[items.length - 1].id : null,
      stageLabels: STAGE_LABELS,
      total,
      page: win.page ?? 1,
      pageSize: win.pageSize,
    };
  }

  /** Every row the filters match, in the list's order, in batches (the export of the list). */
  async function* allRows(ctx: RequestContext, q: CaseFilter & PagingQuery<CaseSort>): AsyncGenerator<CaseRow> {
    requirePermission(ctx, 'cases:read');
    const { filter, limitDays } = await filterOf(ctx, q);
    for (let page = 1; ; page++) {
      const rows = await listCases(db, filter, { sort: q.sort, order: q.order, page, pageSize: MAX_PAGE_SIZE });
      for (const r of rows) yield toRow(r, limitDays);
      if (rows.length < MAX_PAGE_SIZE) return;
    }
  }

  return { get, list, allRows };
}
