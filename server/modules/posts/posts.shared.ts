import type { z } from 'zod';
import type { hireExportQuery, HireRow, PostRow } from '#common/contracts/posts.ts';
import { orgFilterPrefix } from '#common/domain/org-code.ts';
import type { FundingSource, PostType } from '#common/domain/posts/codes.ts';
import type { HireLimits } from '#common/domain/posts/eligibility.ts';
import type { Db } from '#server/db/connect.ts';
import { AppError } from '#server/lib/app-error.ts';
import { todayInChina, type Clock } from '#server/lib/clock.ts';
import type { RequestContext } from '#server/lib/context.ts';
import type { PersonalDataBox } from '#server/lib/crypto.ts';
import { numberParam, resolveAll } from '../params/index.ts';
import * as repo from './posts.repository.ts';

// What the 公益岗位 use cases share (posts.setup.ts, posts.hires.ts, posts.ledger.ts): the deps the factory builds
// once, the row shapes, the hire list's filters, the county's hire limits, a post or a hire as the actor sees it.

/** What every posts use case is given by `createPostsService`. */
export interface PostsDeps {
  db: Db;
  box: PersonalDataBox;
  clock: Clock;
}

/** The county's day by the factory's clock. */
export const todayOf = (d: PostsDeps) => todayInChina(d.clock());

export type HireExportQuery = z.infer<typeof hireExportQuery>;

export const POST = { zh: '公益岗位', en: 'Post' };
export const HIRE = { zh: '聘用记录', en: 'Hire' };

export function toPostRow(r: Awaited<ReturnType<typeof repo.listPosts>>[number]): PostRow {
  const x = r.post;
  return {
    id: x.id,
    orgCode: x.orgCode,
    villageName: r.villageName,
    townshipName: r.townshipName,
    name: x.name,
    postType: x.postType as PostType,
    funding: x.funding as FundingSource,
    assetId: x.assetId,
    assetName: r.assetName,
    monthlySubsidyFen: x.monthlySubsidyFen,
    slots: x.slots,
    occupied: Number(r.occupied),
    status: x.status,
  };
}

export function toHireRow(r: Awaited<ReturnType<typeof repo.listHires>>[number]): HireRow {
  const x = r.hire;
  return {
    id: x.id,
    postId: x.postId,
    postName: r.postName,
    postType: r.postType as PostType,
    orgCode: x.orgCode,
    villageName: r.villageName,
    householdId: x.householdId,
    householdNo: r.householdNo,
    personId: x.personId,
    personName: r.personName,
    hiredOn: x.hiredOn,
    cadreFamily: x.cadreFamily,
    exitedOn: x.exitedOn,
    exitReason: x.exitReason as HireRow['exitReason'],
    exitNote: x.exitNote,
    monthlySubsidyFen: r.monthlySubsidyFen,
    paidFen: Number(r.paidFen),
    months: Number(r.months),
  };
}

export const toMonth = (m: Awaited<ReturnType<typeof repo.monthsOf>>[number]) => ({
  id: m.id,
  period: m.period,
  daysWorked: m.daysWorked,
  subsidyFen: m.subsidyFen,
  paidOn: m.paidOn,
});

export const hireFilter = (q: HireExportQuery) => ({
  orgPrefix: orgFilterPrefix(q.orgCode),
  postType: q.postType,
  status: q.status,
  postId: q.postId,
  q: q.q,
});

/** Read through `tx` inside a transaction (PGlite has one connection: a second one would wait for ever). */
export async function limitsFor(tx: Db, countyCode: string, date: string): Promise<HireLimits> {
  const params = await resolveAll(tx, countyCode, date.slice(0, 7));
  return {
    minHireAge: numberParam(params, 'posts.minHireAge'),
    maxHireAge: numberParam(params, 'posts.maxHireAge'),
    maxPerHousehold: numberParam(params, 'posts.maxPerHousehold'),
  };
}

export async function getPost(d: PostsDeps, ctx: RequestContext, id: number): Promise<PostRow> {
  const where = repo.postWhere(ctx.actor.scopePrefix, { id });
  const [row] = await repo.listPosts(d.db, where, {}, { page: 1, pageSize: 1, offset: 0 });
  if (!row) throw AppError.notFound(POST);
  return toPostRow(row);
}

export async function getHire(d: PostsDeps, ctx: RequestContext, id: number) {
  const [row] = await repo.listHires(
    d.db,
    repo.hireWhere(ctx.actor.scopePrefix, { id }),
    {},
    { pageSize: 1, offset: 0 },
  );
  if (!row) throw AppError.notFound(HIRE);
  const months = await repo.monthsOf(d.db, [id]);
  return { ...toHireRow(row), monthRecords: months.map(toMonth) };
}
