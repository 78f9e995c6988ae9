import type { z } from 'zod';
import type {
  employmentExportQuery,
  trainingExportQuery,
  workshopExportQuery,
  EmploymentRow,
  TrainingRow,
  WorkshopRow,
} from '#common/contracts/employment.ts';
import type { CertificateRateBase, EmploymentParams, PlaceKind, Spell } from '#common/domain/employment/rules.ts';
import { orgFilterPrefix } from '#common/domain/org-code.ts';
import type { Db } from '#server/db/connect.ts';
import { AppError } from '#server/lib/app-error.ts';
import type { RequestContext } from '#server/lib/context.ts';
import type { PersonalDataBox } from '#server/lib/crypto.ts';
import { requireInScope } from '#server/lib/permissions.ts';
import { recordAudit } from '../audit/index.ts';
import { numberParam, resolveAll } from '../params/index.ts';
import {
  personHousehold,
  programmePeople,
  type listEmployment,
  type listTraining,
  type listWorkshops,
  type EmploymentFilter,
  type Reach,
  type TrainingFilter,
  type WorkshopFilter,
} from './employment.repository.ts';

// What the employment use cases share (employment.jobs.ts, .trainings.ts, .workshops.ts, .figures.ts, .exports.ts,
// .file-import.ts): the deps the factory builds once, the row shapes, the lists' filters, the reach of an actor.

/** What every employment use case is given by `createEmploymentService`. */
export interface EmploymentDeps {
  db: Db;
  box: PersonalDataBox;
  clock: { today: () => string };
}

export type Input<T extends z.ZodType> = z.infer<T>;

export const NOT_FOUND_JOB = { zh: '务工记录', en: 'Employment record' };
export const NOT_FOUND_WORKSHOP = { zh: '扶贫车间', en: 'Workshop' };
const NOT_FOUND_PERSON = { zh: '人员', en: 'Person' };
export const STALE = new AppError('CONFLICT', {
  zh: '记录已被他人修改，请刷新后重试',
  en: 'The record was changed; reload and retry',
});

export const ALL = { page: 1, pageSize: 1_000_000, offset: 0 };

export function reachOfCtx(ctx: RequestContext): Reach {
  return { scopePrefix: ctx.actor.scopePrefix, cadreUserId: ctx.actor.role === 'cadre' ? ctx.actor.id : null };
}

/** The employment parameters in force for the county and month. */
export async function employmentParams(db: Db, countyCode: string, period: string) {
  const p = await resolveAll(db, countyCode, period);
  const base = p['employment.certificateRateBase']?.value;
  return {
    minDaysInMonth: numberParam(p, 'employment.minDaysInMonth'),
    stableMonths: numberParam(p, 'employment.stableMonths'),
    stableWindowMonths: numberParam(p, 'employment.stableWindowMonths'),
    certificateRateBase: (base === 'labour' ? 'labour' : 'trained') as CertificateRateBase,
  } satisfies EmploymentParams & { certificateRateBase: CertificateRateBase };
}

/** Spells by person, for the pure rules. */
export function spellsByPerson(
  jobs: readonly { person_id: number; start_on: string; end_on: string | null; place_kind: string }[],
) {
  const out = new Map<number, Spell[]>();
  for (const j of jobs) {
    const list = out.get(Number(j.person_id)) ?? [];
    list.push({ startOn: j.start_on, endOn: j.end_on, placeKind: j.place_kind as PlaceKind });
    out.set(Number(j.person_id), list);
  }
  return out;
}

export function toJobRow(r: Awaited<ReturnType<typeof listEmployment>>[number]): EmploymentRow {
  const e = r.e;
  return {
    id: e.id,
    householdId: e.householdId,
    householdNo: r.householdNo,
    personId: e.personId,
    personName: r.personName,
    labourSkill: r.labourSkill,
    villageCode: e.villageCode,
    villageName: r.villageName,
    placeKind: e.placeKind,
    place: e.place,
    employer: e.employer,
    job: e.job,
    startOn: e.startOn,
    endOn: e.endOn,
    monthlyIncomeFen: e.monthlyIncomeFen,
    workshopId: e.workshopId,
    workshopName: r.workshopName,
    source: e.source,
    note: e.note,
    lastFollowUpOn: r.lastFollowUpOn,
    lastFollowUpStatus: r.lastFollowUpStatus as EmploymentRow['lastFollowUpStatus'],
    version: e.version,
  };
}

export function toTrainingRow(r: Awaited<ReturnType<typeof listTraining>>[number]): TrainingRow {
  const t = r.t;
  return {
    id: t.id,
    householdId: t.householdId,
    householdNo: r.householdNo,
    personId: t.personId,
    personName: r.personName,
    villageCode: t.villageCode,
    villageName: r.villageName,
    kind: t.kind,
    course: t.course,
    provider: t.provider,
    startOn: t.startOn,
    endOn: t.endOn,
    certificateKind: t.certificateKind,
    certificateNo: t.certificateNo,
    certifiedOn: t.certifiedOn,
    source: t.source,
  };
}

export function toWorkshopRow(r: Awaited<ReturnType<typeof listWorkshops>>[number]): WorkshopRow {
  const w = r.w;
  return {
    id: w.id,
    villageCode: w.villageCode,
    villageName: r.villageName,
    name: w.name,
    operator: w.operator,
    recognisedOn: w.recognisedOn,
    employeesTotal: w.employeesTotal,
    employeesAssisted: w.employeesAssisted,
    subsidyFen: w.subsidyFen,
    subsidyPaidOn: w.subsidyPaidOn,
    status: w.status,
    note: w.note,
    version: w.version,
  };
}

export function jobFilter(
  d: EmploymentDeps,
  ctx: RequestContext,
  q: Input<typeof employmentExportQuery>,
): EmploymentFilter {
  if (q.orgCode) requireInScope(ctx, q.orgCode);
  return {
    orgPrefix: orgFilterPrefix(q.orgCode),
    placeKind: q.placeKind,
    current: q.current === '1',
    today: d.clock.today(),
    q: q.q,
  };
}

export function trainingFilter(ctx: RequestContext, q: Input<typeof trainingExportQuery>): TrainingFilter {
  if (q.orgCode) requireInScope(ctx, q.orgCode);
  return { orgPrefix: orgFilterPrefix(q.orgCode), kind: q.kind, certified: q.certified, q: q.q };
}

export function workshopFilter(ctx: RequestContext, q: Input<typeof workshopExportQuery>): WorkshopFilter {
  if (q.orgCode) requireInScope(ctx, q.orgCode);
  return { orgPrefix: orgFilterPrefix(q.orgCode), status: q.status, q: q.q };
}

/** The person's household in reach; a person outside it answers 404. */
export async function householdOfPerson(d: EmploymentDeps, ctx: RequestContext, personId: number) {
  const h = await personHousehold(d.db, personId);
  if (!h) throw AppError.notFound(NOT_FOUND_PERSON);
  requireInScope(ctx, h.villageCode);
  if (ctx.actor.role === 'cadre') {
    const people = await programmePeople(d.db, reachOfCtx(ctx), { householdId: h.householdId });
    if (people.length === 0) throw AppError.notFound(NOT_FOUND_PERSON);
  }
  return h;
}

export async function auditExport(
  d: EmploymentDeps,
  ctx: RequestContext,
  p: { entity: string; format: string; filter: object },
) {
  await d.db.transaction((tx) =>
    recordAudit(tx, ctx, {
      action: 'export',
      entity: p.entity,
      orgCode: ctx.actor.orgCode,
      after: { format: p.format, ...p.filter },
    }),
  );
}
