import type {
  employmentInput,
  employmentListQuery,
  employmentUpdate,
  followUpInput,
  EmploymentRow,
} from '#common/contracts/employment.ts';
import type { Db } from '#server/db/connect.ts';
import { AppError } from '#server/lib/app-error.ts';
import type { RequestContext } from '#server/lib/context.ts';
import { pageWindow } from '#server/lib/paging.ts';
import { requirePermission } from '#server/lib/permissions.ts';
import { recordAudit } from '../audit/index.ts';
import {
  countEmployment,
  findEmployment,
  findWorkshop,
  insertEmployment,
  insertFollowUp,
  listEmployment,
  updateEmployment,
} from './employment.repository.ts';
import {
  householdOfPerson,
  jobFilter,
  NOT_FOUND_JOB,
  reachOfCtx,
  STALE,
  toJobRow,
  type EmploymentDeps,
  type Input,
} from './employment.shared.ts';

// 务工就业: the job list, a job recorded or corrected (history in the audit row), 稳岗 follow-ups.

export async function listJobs(d: EmploymentDeps, ctx: RequestContext, q: Input<typeof employmentListQuery>) {
  requirePermission(ctx, 'assistance:read');
  const f = jobFilter(d, ctx, q);
  const w = pageWindow({ ...q, page: q.page ?? 1 });
  const [total, rows] = await Promise.all([
    countEmployment(d.db, reachOfCtx(ctx), f),
    listEmployment(d.db, reachOfCtx(ctx), f, w, q),
  ]);
  return { items: rows.map(toJobRow), total, page: w.page ?? 1, pageSize: w.pageSize };
}

export async function getJob(d: EmploymentDeps, ctx: RequestContext, id: number): Promise<EmploymentRow> {
  const [row] = await listEmployment(d.db, reachOfCtx(ctx), { id }, { page: 1, pageSize: 1, offset: 0 }, {});
  if (!row) throw AppError.notFound(NOT_FOUND_JOB);
  return toJobRow(row);
}

async function requireWorkshop(d: EmploymentDeps, ctx: RequestContext, id: number | null | undefined) {
  if (!id) return;
  if (!(await findWorkshop(d.db, id, ctx.actor.scopePrefix)))
    throw AppError.validation([
      { field: 'workshopId', messageZh: '扶贫车间不存在或不在本辖区', messageEn: 'Workshop not found in scope' },
    ]);
}

export async function createJob(d: EmploymentDeps, ctx: RequestContext, input: Input<typeof employmentInput>) {
  requirePermission(ctx, 'assistance:write');
  const h = await householdOfPerson(d, ctx, input.personId);
  await requireWorkshop(d, ctx, input.workshopId);
  const id = await d.db.transaction(async (tx) => {
    const newId = await insertEmployment(tx, {
      countyCode: h.countyCode,
      villageCode: h.villageCode,
      householdId: h.householdId,
      personId: input.personId,
      placeKind: input.placeKind,
      place: input.place,
      employer: input.employer ?? null,
      job: input.job ?? null,
      startOn: input.startOn,
      endOn: input.endOn ?? null,
      monthlyIncomeFen: input.monthlyIncomeFen,
      workshopId: input.workshopId ?? null,
      note: input.note ?? null,
      createdBy: ctx.actor.id || null,
    });
    await recordAudit(tx, ctx, {
      action: 'create',
      entity: 'employment_record',
      entityId: newId,
      orgCode: h.villageCode,
      after: { ...input },
    });
    return newId;
  });
  return getJob(d, ctx, id);
}

type JobBefore = NonNullable<Awaited<ReturnType<typeof findEmployment>>>;

/** The job's fields the audit row keeps as they were. */
const jobFields = (before: JobBefore) => ({
  placeKind: before.placeKind,
  place: before.place,
  employer: before.employer,
  job: before.job,
  startOn: before.startOn,
  endOn: before.endOn,
  monthlyIncomeFen: before.monthlyIncomeFen,
  workshopId: before.workshopId,
  note: before.note,
});

export async function updateJob(
  d: EmploymentDeps,
  ctx: RequestContext,
  id: number,
  input: Input<typeof employmentUpdate>,
) {
  requirePermission(ctx, 'assistance:write');
  await requireWorkshop(d, ctx, input.workshopId);
  await d.db.transaction(async (tx) => {
    const before = await findEmployment(tx, id, reachOfCtx(ctx), true);
    if (!before) throw AppError.notFound(NOT_FOUND_JOB);
    const set = {
      placeKind: input.placeKind,
      place: input.place,
      employer: input.employer ?? null,
      job: input.job ?? null,
      startOn: input.startOn,
      endOn: input.endOn ?? null,
      monthlyIncomeFen: input.monthlyIncomeFen,
      workshopId: input.workshopId ?? null,
      note: input.note ?? null,
    };
    if (!(await updateEmployment(tx, id, input.version, set))) throw STALE;
    // History: the audit row keeps the values before and after, and the reason.
    await recordAudit(tx, ctx, {
      action: 'update',
      entity: 'employment_record',
      entityId: id,
      orgCode: before.villageCode,
      before: jobFields(before),
      after: { ...set, reason: input.reason },
    });
  });
  return getJob(d, ctx, id);
}

/** A follow-up lies between the job's start and today. */
function checkFollowUpDay(d: EmploymentDeps, job: JobBefore, on: string) {
  if (on < job.startOn)
    throw AppError.validation([
      { field: 'on', messageZh: '跟踪日期不能早于务工开始日期', messageEn: 'Follow-up before the job started' },
    ]);
  if (on > d.clock.today())
    throw AppError.validation([
      { field: 'on', messageZh: '跟踪日期不能晚于今天', messageEn: 'Follow-up date in the future' },
    ]);
}

async function saveFollowUp(tx: Db, ctx: RequestContext, job: JobBefore, input: Input<typeof followUpInput>) {
  const followUpId = await insertFollowUp(tx, {
    countyCode: job.countyCode,
    villageCode: job.villageCode,
    employmentId: job.id,
    on: input.on,
    status: input.status,
    note: input.note ?? null,
    createdBy: ctx.actor.id || null,
  });
  if (input.status === 'left' && (job.endOn === null || job.endOn > input.on))
    await updateEmployment(tx, job.id, job.version, { endOn: input.on });
  await recordAudit(tx, ctx, {
    action: 'followUp',
    entity: 'employment_record',
    entityId: job.id,
    orgCode: job.villageCode,
    before: { endOn: job.endOn },
    after: { followUpId, ...input },
  });
}

/** A 稳岗 follow-up; 离岗 ends the job on that day when it is still open. */
export async function addFollowUp(
  d: EmploymentDeps,
  ctx: RequestContext,
  id: number,
  input: Input<typeof followUpInput>,
) {
  requirePermission(ctx, 'assistance:write');
  await d.db.transaction(async (tx) => {
    const job = await findEmployment(tx, id, reachOfCtx(ctx), true);
    if (!job) throw AppError.notFound(NOT_FOUND_JOB);
    checkFollowUpDay(d, job, input.on);
    await saveFollowUp(tx, ctx, job, input);
  });
  return getJob(d, ctx, id);
}
