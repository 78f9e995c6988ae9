import type { figuresQuery, EmploymentFigures, HouseholdEmployment } from '#common/contracts/employment.ts';
import { employmentFigures, employedInMonth, isLabourer, monthsEmployed } from '#common/domain/employment/rules.ts';
import { countyCodeOf, orgFilterPrefix } from '#common/domain/org-code.ts';
import { AppError } from '#server/lib/app-error.ts';
import type { RequestContext } from '#server/lib/context.ts';
import { requireInScope, requirePermission } from '#server/lib/permissions.ts';
import {
  factsOfPeople,
  followUpsOf,
  householdInReach,
  listEmployment,
  listTraining,
  programmePeople,
  type Reach,
} from './employment.repository.ts';
import {
  ALL,
  employmentParams,
  reachOfCtx,
  spellsByPerson,
  toJobRow,
  toTrainingRow,
  type EmploymentDeps,
  type Input,
} from './employment.shared.ts';

// 就业率, 持证率 and 外出务工人数 for a month, and the household page's section.

/** 就业率, 持证率 and 外出务工人数 of the people of 脱贫户 and monitored households in scope, for a month. */
export async function figures(
  d: EmploymentDeps,
  ctx: RequestContext,
  q: Input<typeof figuresQuery>,
): Promise<EmploymentFigures> {
  requirePermission(ctx, 'assistance:read');
  if (q.orgCode) requireInScope(ctx, q.orgCode);
  const period = q.period ?? d.clock.today().slice(0, 7);
  const p = await employmentParams(d.db, countyCodeOf(ctx.actor.orgCode), period);
  const f = { orgPrefix: orgFilterPrefix(q.orgCode) };
  const people = await programmePeople(d.db, reachOfCtx(ctx), f);
  const { jobs, trainings } = await factsOfPeople(d.db, reachOfCtx(ctx), f);
  const spells = spellsByPerson(jobs);
  const certified = new Map(trainings.map((t) => [Number(t.person_id), t.certified]));
  const result = employmentFigures(
    people.map((x) => ({
      labourSkill: x.labour_skill,
      spells: spells.get(Number(x.person_id)) ?? [],
      trained: certified.has(Number(x.person_id)),
      certified: certified.get(Number(x.person_id)) === true,
    })),
    period,
    p,
  );
  return {
    period,
    people: people.length,
    ...result,
    certificateRateBase: p.certificateRateBase,
    minDaysInMonth: p.minDaysInMonth,
  };
}

type Params = Awaited<ReturnType<typeof employmentParams>>;

/** Each member's labour, work this month and over the window, and certificate. */
async function memberRows(d: EmploymentDeps, r: Reach, householdId: number, m: { period: string; p: Params }) {
  const people = await programmePeople(d.db, r, { householdId });
  const { jobs, trainings } = await factsOfPeople(d.db, r, { householdId });
  const spells = spellsByPerson(jobs);
  const certified = new Map(trainings.map((t) => [Number(t.person_id), t.certified]));
  return people.map((x) => {
    const s = spells.get(Number(x.person_id)) ?? [];
    const months = monthsEmployed(s, m.period, m.p);
    return {
      personId: Number(x.person_id),
      name: x.name,
      relationship: x.relationship,
      labourSkill: x.labour_skill,
      labourer: isLabourer(x.labour_skill),
      employedThisMonth: employedInMonth(s, m.period, m.p.minDaysInMonth),
      monthsEmployed: months,
      stable: months >= m.p.stableMonths,
      certified: certified.get(Number(x.person_id)) === true,
    };
  });
}

/** The household's jobs, latest first, each with its follow-ups. */
async function jobsWithFollowUps(d: EmploymentDeps, r: Reach, householdId: number) {
  const jobRows = (await listEmployment(d.db, r, { householdId }, ALL, { sort: 'startOn', order: 'desc' })).map(
    toJobRow,
  );
  const followUps = await followUpsOf(
    d.db,
    jobRows.map((j) => j.id),
  );
  return jobRows.map((j) => ({
    ...j,
    followUps: followUps
      .filter((f) => f.employmentId === j.id)
      .map((f) => ({ id: f.id, on: f.on, status: f.status, note: f.note })),
  }));
}

/** The household page's section: each member's labour, work this month and over the window, jobs and training. */
export async function household(
  d: EmploymentDeps,
  ctx: RequestContext,
  householdId: number,
): Promise<HouseholdEmployment> {
  requirePermission(ctx, 'assistance:read');
  const r = reachOfCtx(ctx);
  if (!(await householdInReach(d.db, r, householdId))) throw AppError.notFound({ zh: '农户', en: 'Household' });
  const period = d.clock.today().slice(0, 7);
  const p = await employmentParams(d.db, countyCodeOf(ctx.actor.orgCode), period);
  const members = await memberRows(d, r, householdId, { period, p });
  const jobs = await jobsWithFollowUps(d, r, householdId);
  const trainingRows = (await listTraining(d.db, r, { householdId }, ALL, { sort: 'startOn', order: 'desc' })).map(
    toTrainingRow,
  );
  return {
    householdId,
    period,
    members,
    jobs,
    trainings: trainingRows,
    stableMonths: p.stableMonths,
    stableWindowMonths: p.stableWindowMonths,
  };
}
