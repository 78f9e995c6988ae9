import type { z } from 'zod';
import type { CaseDetail, CaseRow, caseListQuery } from '../../../common/contracts/cases.ts';
import type { EliminationMode } from '../../../common/domain/cases/elimination.ts';
import {
  STAGE_ACTORS,
  STAGE_LABELS,
  timeLimit,
  transition,
  type Stage,
} from '../../../common/domain/cases/workflow.ts';
import { can } from '../../../common/domain/roles.ts';
import type { Db } from '../../db/connect.ts';
import { AppError } from '../../lib/app-error.ts';
import { countyOfActor } from '../../lib/county.ts';
import type { RequestContext } from '../../lib/context.ts';
import { requirePermission } from '../../lib/permissions.ts';
import type { AttachmentsService } from '../attachments/index.ts';
import { findClueForCase } from '../monitoring/index.ts';
import type { checkHouseholdElimination, workflowParamsOf } from './cases.outcome.ts';
import { householdFacts, listCases, stepsOf, type CaseRecord, type HouseholdFacts } from './cases.repository.ts';

// Reading cases: the list (with the time-limit filter) and one case with its steps, attachments,
// the actions the reader may take now, and the elimination checklist.

type ListQuery = z.infer<typeof caseListQuery>;
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
    const [r] = await listCases(db, {
      scopePrefix: ctx.actor.scopePrefix,
      status: 'active',
      afterId: 0,
      limit: 1,
      ids: [id],
    })
      .then(async (a) =>
        a.length
          ? a
          : listCases(db, { scopePrefix: ctx.actor.scopePrefix, status: 'done', afterId: 0, limit: 1, ids: [id] }),
      )
      .then(async (a) =>
        a.length
          ? a
          : listCases(db, { scopePrefix: ctx.actor.scopePrefix, status: 'closed', afterId: 0, limit: 1, ids: [id] }),
      );
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

  async function list(ctx: RequestContext, q: ListQuery) {
    requirePermission(ctx, 'cases:read');
    const countyCode = countyOfActor(ctx);
    const p = await workflowParams(db, countyCode);
    const items: CaseRow[] = [];
    let after = q.afterId;
    // The due filter is computed per row (calendar days from the clue); scan on until the page is full.
    for (let round = 0; round < 20 && items.length < q.limit; round++) {
      const rows = await listCases(db, {
        scopePrefix: ctx.actor.scopePrefix,
        kind: q.kind,
        status: q.status,
        stage: q.stage,
        orgPrefix: q.orgCode?.replace(/(000)+$/, ''),
        afterId: after,
        limit: q.limit,
      });
      for (const r of rows) {
        const row = toRow(r, p.limitDays);
        if (!q.due || row.timeLimit?.status === q.due) items.push(row);
        if (items.length === q.limit) break;
      }
      if (rows.length < q.limit) {
        after = -1;
        break;
      }
      after = rows[rows.length - 1].c.id;
    }
    return {
      items,
      nextAfterId: after === -1 || items.length < q.limit ? null : items[items.length - 1].id,
      stageLabels: STAGE_LABELS,
    };
  }

  return { get, list };
}
