import type { z } from 'zod';
import type { projectAction, projectInput, ProjectDetail } from '#common/contracts/projects.ts';
import { countyCodeOf, levelOfCode } from '#common/domain/org-code.ts';
import {
  actorsAt,
  entryTransition,
  ENTRY_STAGE_LABELS,
  OPINION_STAGES,
  NOTICE_STAGES,
  type EntryStage,
} from '#common/domain/projects/workflow.ts';
import type { Db } from '#server/db/connect.ts';
import { AppError } from '#server/lib/app-error.ts';
import type { RequestContext } from '#server/lib/context.ts';
import { requireInScope, requirePermission } from '#server/lib/permissions.ts';
import { recordAudit } from '../audit/index.ts';
import { requireDecided } from '../deliberation/index.ts';
import {
  findProject,
  insertEvent,
  insertProject,
  updateProject,
  type ProjectInsert,
  type ProjectRecord,
} from './projects.repository.ts';
import { budgetOf, columnsOf, eventOf, NOT_FOUND, requireEntryComplete, STALE, total } from './projects.shared.ts';

// 申报 and the entry procedure (入库: three notices and an announcement, policy-rules §6): declaration
// with its entry checks, then 办结本环节 / 退回 / 撤销 by the role and level the step belongs to.

type Input = z.infer<typeof projectInput>;
type ActionInput = z.infer<typeof projectAction>;

interface EntryDeps {
  db: Db;
  today: () => string;
  get: (ctx: RequestContext, id: number) => Promise<ProjectDetail>;
  noticeDays: (countyCode: string) => Promise<number>;
}

/** What the action itself must carry: a reason to return or withdraw, the review's opinion, and at 申报 the
 * entry exclusions and (a village project) its voted 四议两公开 record. */
async function requireActionInput(tx: Db, ctx: RequestContext, p: ProjectRecord, input: ActionInput) {
  if (input.action !== 'complete' && !input.reason)
    throw AppError.validation([{ field: 'reason', messageZh: '退回或撤销须说明原因', messageEn: 'Give the reason' }]);
  if (input.action === 'complete' && OPINION_STAGES.includes(p.entryStage) && !input.reason?.trim())
    throw AppError.validation([
      {
        field: 'reason',
        messageZh: `请填写${ENTRY_STAGE_LABELS[p.entryStage]}意见`,
        messageEn: `Give the opinion of the ${p.entryStage === 'townshipReview' ? 'township review' : 'county approval'}`,
      },
    ]);
  if (input.action === 'complete' && p.entryStage === 'declaration') {
    requireEntryComplete({ ...p, budget: budgetOf(p) });
    if (levelOfCode(p.orgCode) === 'village') {
      if (!p.deliberationId)
        throw AppError.validation([
          {
            field: 'deliberationId',
            messageZh: '村级申报须附经村"两委"会议或村民代表会议通过的四议两公开记录',
            messageEn: 'A village declaration needs a 四议两公开 record',
          },
        ]);
      await requireDecided(tx, ctx, p.deliberationId, p.orgCode);
    }
  }
}

export function createProjectEntry({ db, today, get, noticeDays }: EntryDeps) {
  /** 村级申报 (or a township/county project by its own level): the entry exclusions are checked at once. */
  async function create(ctx: RequestContext, input: Input) {
    requirePermission(ctx, 'projects:write');
    requireInScope(ctx, input.orgCode);
    const level = levelOfCode(input.orgCode);
    if (level === 'group')
      throw AppError.validation([
        {
          field: 'orgCode',
          messageZh: '项目所在地请选择村、乡镇或县',
          messageEn: 'Choose a village, township or the county',
        },
      ]);
    if (!actorsAt('declaration', level).includes(ctx.actor.role) && ctx.actor.scopePrefix !== '') {
      throw new AppError('FORBIDDEN', {
        zh: level === 'village' ? '村级项目由村级信息员申报' : '该级项目由本级业务人员申报',
        en: 'This level of project is declared by its own staff',
      });
    }
    requireEntryComplete(input);
    if (input.deliberationId)
      await requireDecided(db, ctx, input.deliberationId, level === 'village' ? input.orgCode : null);
    const id = await db.transaction(async (tx) => {
      const newId = await insertProject(tx, {
        ...(columnsOf(input) as ProjectInsert),
        orgCode: input.orgCode,
        countyCode: countyCodeOf(input.orgCode),
        createdBy: ctx.actor.id || null,
      });
      await insertEvent(tx, eventOf(ctx, today(), newId, { action: 'create', toStage: 'declaration' }));
      await recordAudit(tx, ctx, {
        action: 'create',
        entity: 'project',
        entityId: newId,
        orgCode: input.orgCode,
        after: { name: input.name, type: input.type, year: input.year, budgetFen: total(input.budget) },
      });
      return newId;
    });
    return get(ctx, id);
  }

  async function act(ctx: RequestContext, id: number, input: ActionInput) {
    requirePermission(ctx, 'projects:write');
    const p0 = await findProject(db, id, ctx.actor.scopePrefix);
    if (!p0) throw AppError.notFound(NOT_FOUND);
    const days = await noticeDays(p0.countyCode);
    await db.transaction(async (tx) => {
      const p = await findProject(tx, id, ctx.actor.scopePrefix, true);
      if (!p) throw AppError.notFound(NOT_FOUND);
      if (p.version !== input.version) throw STALE;
      const level = levelOfCode(p.orgCode);
      const r = entryTransition({ stage: p.entryStage, noticeStartedOn: p.noticeStartedOn }, input.action, {
        role: ctx.actor.role,
        today: today(),
        noticeDays: days,
        projectLevel: level,
      });
      if (!r.ok)
        throw new AppError(r.code === 'notYourStage' ? 'FORBIDDEN' : 'CONFLICT', { zh: r.messageZh, en: r.messageEn });
      await requireActionInput(tx, ctx, p, input);
      const next: EntryStage = r.next;
      const set: Partial<ProjectInsert> = {
        entryStage: next,
        noticeStartedOn: NOTICE_STAGES.includes(next) ? today() : null,
      };
      if (p.entryStage === 'declaration' && input.action === 'complete') set.declaredOn = today();
      if (next === 'admitted') Object.assign(set, { status: 'admitted', admittedOn: today() });
      if (next === 'withdrawn') set.status = 'cancelled';
      if (!(await updateProject(tx, id, p.version, set))) throw STALE;
      await insertEvent(
        tx,
        eventOf(ctx, today(), id, {
          action: input.action,
          fromStage: p.entryStage,
          toStage: next,
          reason: input.reason ?? null,
        }),
      );
      await recordAudit(tx, ctx, {
        action: `entry.${input.action}`,
        entity: 'project',
        entityId: id,
        orgCode: p.orgCode,
        before: { entryStage: p.entryStage },
        after: { entryStage: next, reason: input.reason ?? null },
      });
    });
    return get(ctx, id);
  }

  return { create, act };
}
