import type { z } from 'zod';
import type { exitInput, hireInput, hireListQuery, monthInput } from '#common/contracts/posts.ts';
import { hireErrors, monthErrors } from '#common/domain/posts/eligibility.ts';
import type { Db } from '#server/db/connect.ts';
import { AppError } from '#server/lib/app-error.ts';
import type { RequestContext } from '#server/lib/context.ts';
import { pageWindow } from '#server/lib/paging.ts';
import { requirePermission } from '#server/lib/permissions.ts';
import { recordAudit } from '../audit/index.ts';
import { setPublicWelfarePost } from '../registry/index.ts';
import * as repo from './posts.repository.ts';
import {
  getHire,
  HIRE,
  hireFilter,
  limitsFor,
  POST,
  toHireRow,
  toMonth,
  todayOf,
  type PostsDeps,
} from './posts.shared.ts';

// 以岗聘任, 在岗领补, 有序退岗: the hire list, a hire (the eligibility rule in the hire's transaction), a month's
// attendance and subsidy, an exit, and the household page's section. The registry's person.public_welfare_post
// follows the hires (set on a hire, cleared on the last exit).

type HireInput = z.infer<typeof hireInput>;
type Post = NonNullable<Awaited<ReturnType<typeof repo.findPost>>>;
type Person = NonNullable<Awaited<ReturnType<typeof repo.personFacts>>>;

export async function listHires(d: PostsDeps, ctx: RequestContext, q: z.infer<typeof hireListQuery>) {
  requirePermission(ctx, 'programmes:read');
  const where = repo.hireWhere(ctx.actor.scopePrefix, hireFilter(q));
  const w = pageWindow({ ...q, page: q.page ?? 1 });
  const [rows, total] = await Promise.all([repo.listHires(d.db, where, q, w), repo.countHires(d.db, where)]);
  return { items: rows.map(toHireRow), total, page: w.page ?? 1, pageSize: w.pageSize };
}

/** The open post and the registered person of its village, hired no later than today. */
async function postAndPerson(d: PostsDeps, tx: Db, ctx: RequestContext, postId: number, input: HireInput) {
  const post = await repo.findPost(tx, ctx.actor.scopePrefix, postId, true);
  if (!post) throw AppError.notFound(POST);
  if (post.status !== 'open') throw new AppError('CONFLICT', { zh: '岗位已撤销', en: 'The post is closed' });
  const person = await repo.personFacts(tx, ctx.actor.scopePrefix, input.personId);
  if (!person)
    throw AppError.validation([
      { field: 'personId', messageZh: '本辖区无此在册人员', messageEn: 'No such registered person in your scope' },
    ]);
  if (person.villageCode !== post.orgCode)
    throw AppError.validation([
      {
        field: 'personId',
        messageZh: '聘用对象须为本村在册人员',
        messageEn: 'The person must live in the post’s village',
      },
    ]);
  if (input.hiredOn > todayOf(d))
    throw AppError.validation([
      { field: 'hiredOn', messageZh: '聘用日期不能晚于今天', messageEn: 'The hire date is in the future' },
    ]);
  return { post, person };
}

/** A free place on the post, and the eligibility rule with the parameters in force on the hire date. */
async function checkEligible(tx: Db, postId: number, p: { post: Post; person: Person; input: HireInput }) {
  const { post, person, input } = p;
  await repo.lockHousehold(tx, person.householdId);
  const counts = await repo.activeHireCounts(tx, person.householdId, person.personId);
  const occupied = (await repo.countHires(tx, repo.hireWhere('', { postId, status: 'active' }))) ?? 0;
  if (occupied >= post.slots)
    throw AppError.validation([
      { field: 'postId', messageZh: `岗位名额 ${post.slots} 个已满`, messageEn: `All ${post.slots} places are taken` },
    ]);
  const errors = hireErrors(
    {
      householdKind: person.householdKind,
      monitoringStatus: person.monitoringStatus,
      labourSkill: person.labourSkill,
      birthDate: person.birthDate,
      hiredOn: input.hiredOn,
      activeHiresInHousehold: counts.household,
      personHasPost: counts.person > 0,
      cadreFamily: input.cadreFamily,
    },
    await limitsFor(tx, post.countyCode, input.hiredOn),
  );
  if (errors.length) throw AppError.validation(errors);
}

/** 以岗聘任: the eligibility rule with the parameters in force on the hire date, in one transaction with the insert. */
export async function hireInTx(d: PostsDeps, tx: Db, ctx: RequestContext, postId: number, input: HireInput) {
  const { post, person } = await postAndPerson(d, tx, ctx, postId, input);
  await checkEligible(tx, postId, { post, person, input });
  const id = await repo.insertHire(tx, {
    countyCode: post.countyCode,
    orgCode: post.orgCode,
    postId,
    householdId: person.householdId,
    personId: person.personId,
    hiredOn: input.hiredOn,
    cadreFamily: input.cadreFamily,
    createdBy: ctx.actor.id || null,
  });
  await setPublicWelfarePost(tx, person.personId, true);
  await recordAudit(tx, ctx, {
    action: 'hire',
    entity: 'welfare_post_hire',
    entityId: id,
    orgCode: post.orgCode,
    after: { postId, householdId: person.householdId, personId: person.personId, hiredOn: input.hiredOn },
  });
  return id;
}

export async function hire(d: PostsDeps, ctx: RequestContext, postId: number, input: HireInput) {
  requirePermission(ctx, 'programmes:write');
  const id = await d.db.transaction((tx) => hireInTx(d, tx, ctx, postId, input));
  return getHire(d, ctx, id);
}

/** 有序退岗: end-dates the hire with its reason; the row and its months stay. */
export async function exit(d: PostsDeps, ctx: RequestContext, hireId: number, input: z.infer<typeof exitInput>) {
  requirePermission(ctx, 'programmes:write');
  await d.db.transaction(async (tx) => {
    const hireRow = await repo.findHire(tx, ctx.actor.scopePrefix, hireId, true);
    if (!hireRow) throw AppError.notFound(HIRE);
    if (hireRow.exitedOn) throw new AppError('CONFLICT', { zh: '已退岗', en: 'Already exited' });
    if (input.exitedOn < hireRow.hiredOn || input.exitedOn > todayOf(d))
      throw AppError.validation([
        {
          field: 'exitedOn',
          messageZh: '退岗日期须在聘用日期之后且不晚于今天',
          messageEn: 'The exit date lies between the hire date and today',
        },
      ]);
    await repo.endHire(tx, hireId, {
      exitedOn: input.exitedOn,
      exitReason: input.reason,
      exitNote: input.note ?? null,
    });
    const left = await repo.activeHireCounts(tx, hireRow.householdId, hireRow.personId);
    await setPublicWelfarePost(tx, hireRow.personId, left.person > 0);
    await recordAudit(tx, ctx, {
      action: 'exit',
      entity: 'welfare_post_hire',
      entityId: hireId,
      orgCode: hireRow.orgCode,
      before: { exitedOn: null },
      after: { exitedOn: input.exitedOn, reason: input.reason, note: input.note ?? null },
    });
  });
  return getHire(d, ctx, hireId);
}

type MonthInput = z.infer<typeof monthInput>;
type HireFound = NonNullable<Awaited<ReturnType<typeof repo.findHire>>>;

/** The month's own checks and its place within the hire, not in the future. */
async function monthProblems(d: PostsDeps, tx: Db, hireRow: HireFound, input: MonthInput) {
  const post = await repo.findPost(tx, '', hireRow.postId);
  const errors = monthErrors(input, post!.monthlySubsidyFen);
  const monthStart = `${input.period}-01`;
  if (monthStart < hireRow.hiredOn.slice(0, 7) + '-01' || (hireRow.exitedOn && monthStart > hireRow.exitedOn))
    errors.push({ field: 'period', messageZh: '月份须在聘用期内', messageEn: 'The month lies outside the hire' });
  if (input.period > todayOf(d).slice(0, 7))
    errors.push({ field: 'period', messageZh: '不能登记未来月份', messageEn: 'The month is in the future' });
  return errors;
}

/** 在岗领补: a month's attendance and subsidy (paid when paidOn is set); a correction replaces the month. */
export async function recordMonth(d: PostsDeps, ctx: RequestContext, hireId: number, input: MonthInput) {
  requirePermission(ctx, 'programmes:write');
  await d.db.transaction(async (tx) => {
    const hireRow = await repo.findHire(tx, ctx.actor.scopePrefix, hireId, true);
    if (!hireRow) throw AppError.notFound(HIRE);
    const errors = await monthProblems(d, tx, hireRow, input);
    if (errors.length) throw AppError.validation(errors);
    await repo.upsertMonth(tx, {
      countyCode: hireRow.countyCode,
      orgCode: hireRow.orgCode,
      hireId,
      period: input.period,
      daysWorked: input.daysWorked,
      subsidyFen: input.subsidyFen,
      paidOn: input.paidOn ?? null,
      createdBy: ctx.actor.id || null,
    });
    await recordAudit(tx, ctx, {
      action: 'month',
      entity: 'welfare_post_hire',
      entityId: hireId,
      orgCode: hireRow.orgCode,
      after: input,
    });
  });
  return getHire(d, ctx, hireId);
}

/** The household page's section: its hires (current and past) with months, and its members for a new hire. */
export async function household(d: PostsDeps, ctx: RequestContext, householdId: number) {
  requirePermission(ctx, 'programmes:read');
  if (!(await repo.householdInScope(d.db, ctx.actor.scopePrefix, householdId)))
    throw AppError.notFound({ zh: '农户', en: 'Household' });
  const rows = await repo.listHires(
    d.db,
    repo.hireWhere(ctx.actor.scopePrefix, { householdId }),
    { sort: 'hiredOn', order: 'desc' },
    { pageSize: 200, offset: 0 },
  );
  const months = await repo.monthsOf(
    d.db,
    rows.map((r) => r.hire.id),
  );
  const members = await repo.householdMembers(d.db, ctx.actor.scopePrefix, householdId);
  return {
    hires: rows.map((r) => ({
      ...toHireRow(r),
      monthRecords: months.filter((m) => m.hireId === r.hire.id).map(toMonth),
    })),
    members: members.map((m) => ({
      personId: Number(m.person_id),
      name: m.name,
      birthDate: m.birth_date,
      labourSkill: m.labour_skill,
    })),
  };
}
