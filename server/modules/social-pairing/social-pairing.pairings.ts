import type { z } from 'zod';
import type {
  contributionInput,
  endPairingInput,
  pairingInput,
  PairingDetail,
  PairingTotals,
} from '#common/contracts/social-pairing.ts';
import { countyCodeOf, levelOfCode } from '#common/domain/org-code.ts';
import type { PairingKind } from '#common/domain/village-support/codes.ts';
import { contributionErrors } from '#common/domain/village-support/pairing.ts';
import { AppError } from '#server/lib/app-error.ts';
import { todayInChina } from '#server/lib/clock.ts';
import type { RequestContext } from '#server/lib/context.ts';
import { pageWindow } from '#server/lib/paging.ts';
import { requireInScope, requirePermission } from '#server/lib/permissions.ts';
import { recordAudit } from '../audit/index.ts';
import * as repo from './social-pairing.repository.ts';
import {
  filterOf,
  line,
  PAIRING,
  toRow,
  type PairingExportQuery,
  type PairingListQuery,
  type SocialPairingDeps,
} from './social-pairing.shared.ts';

// Pairings: the list and its totals per kind and township, one pairing with its contributions, a new pairing, what
// it brought on a day, its end.

export async function list({ db }: SocialPairingDeps, ctx: RequestContext, q: PairingListQuery) {
  requirePermission(ctx, 'programmes:read');
  const where = repo.pairingWhere(ctx.actor.scopePrefix, filterOf(q));
  const w = pageWindow({ ...q, page: q.page ?? 1 });
  const [rows, total] = await Promise.all([repo.listPairings(db, where, q, w), repo.countPairings(db, where)]);
  return { items: rows.map(toRow), total, page: w.page ?? 1, pageSize: w.pageSize };
}

/** Totals per kind and per township of what the list filters. */
export async function totals(
  { db }: SocialPairingDeps,
  ctx: RequestContext,
  q: PairingExportQuery,
): Promise<PairingTotals> {
  requirePermission(ctx, 'programmes:read');
  const where = repo.pairingWhere(ctx.actor.scopePrefix, filterOf(q));
  const [byKind, byTownship] = await Promise.all([repo.totals(db, where, 'kind'), repo.totals(db, where, 'township')]);
  const sum = byKind.map(line).reduce(
    (a, b) => ({
      pairings: a.pairings + b.pairings,
      fundsFen: a.fundsFen + b.fundsFen,
      projects: a.projects + b.projects,
      jobs: a.jobs + b.jobs,
    }),
    { pairings: 0, fundsFen: 0, projects: 0, jobs: 0 },
  );
  return {
    byKind: byKind.map((r) => ({ kind: r.key as PairingKind, ...line(r) })),
    byTownship: byTownship.map((r) => ({ townshipCode: r.key, townshipName: r.name, ...line(r) })),
    total: sum,
  };
}

export async function get({ db }: SocialPairingDeps, ctx: RequestContext, id: number): Promise<PairingDetail> {
  requirePermission(ctx, 'programmes:read');
  const [row] = await repo.listPairings(
    db,
    repo.pairingWhere(ctx.actor.scopePrefix, { id }),
    {},
    { pageSize: 1, offset: 0 },
  );
  if (!row) throw AppError.notFound(PAIRING);
  const contributions = await repo.contributionsOf(db, [id]);
  return {
    ...toRow(row),
    contributions: contributions.map((x) => ({
      id: x.id,
      contributedOn: x.contributedOn,
      fundsFen: x.fundsFen,
      projectName: x.projectName,
      jobs: x.jobs,
      note: x.note,
    })),
  };
}

export async function create(
  { db }: SocialPairingDeps,
  ctx: RequestContext,
  input: z.infer<typeof pairingInput>,
): Promise<PairingDetail> {
  requirePermission(ctx, 'programmes:write');
  requireInScope(ctx, input.orgCode);
  if (levelOfCode(input.orgCode) !== 'village' || !(await repo.villageExists(db, ctx.actor.scopePrefix, input.orgCode)))
    throw AppError.validation([
      { field: 'orgCode', messageZh: '结对对象为行政村', messageEn: 'A pairing is with a village' },
    ]);
  if (input.startedOn > todayInChina())
    throw AppError.validation([
      { field: 'startedOn', messageZh: '结对日期不能晚于今天', messageEn: 'The start date is in the future' },
    ]);
  const id = await db.transaction(async (tx) => {
    const newId = await repo.insertPairing(tx, {
      countyCode: countyCodeOf(input.orgCode),
      orgCode: input.orgCode,
      kind: input.kind,
      partnerName: input.partnerName,
      leaderName: input.leaderName || null,
      startedOn: input.startedOn,
      note: input.note || null,
      createdBy: ctx.actor.id || null,
    });
    await recordAudit(tx, ctx, {
      action: 'create',
      entity: 'social_pairing',
      entityId: newId,
      orgCode: input.orgCode,
      after: input,
    });
    return newId;
  });
  return get({ db }, ctx, id);
}

/** What the pairing brought on a day: at least one of funds, a project, jobs. */
export async function contribute(
  { db }: SocialPairingDeps,
  ctx: RequestContext,
  id: number,
  input: z.infer<typeof contributionInput>,
) {
  requirePermission(ctx, 'programmes:write');
  await db.transaction(async (tx) => {
    const pairing = await repo.findPairing(tx, ctx.actor.scopePrefix, id, true);
    if (!pairing) throw AppError.notFound(PAIRING);
    const errors = contributionErrors(input, pairing, todayInChina());
    if (errors.length) throw AppError.validation(errors);
    const cid = await repo.insertContribution(tx, {
      countyCode: pairing.countyCode,
      orgCode: pairing.orgCode,
      pairingId: id,
      contributedOn: input.contributedOn,
      fundsFen: input.fundsFen,
      projectName: input.projectName || null,
      jobs: input.jobs,
      note: input.note || null,
      createdBy: ctx.actor.id || null,
    });
    await recordAudit(tx, ctx, {
      action: 'contribute',
      entity: 'social_pairing',
      entityId: id,
      orgCode: pairing.orgCode,
      after: { contributionId: cid, ...input },
    });
  });
  return get({ db }, ctx, id);
}

export async function end(
  { db }: SocialPairingDeps,
  ctx: RequestContext,
  id: number,
  input: z.infer<typeof endPairingInput>,
) {
  requirePermission(ctx, 'programmes:write');
  await db.transaction(async (tx) => {
    const pairing = await repo.findPairing(tx, ctx.actor.scopePrefix, id, true);
    if (!pairing) throw AppError.notFound(PAIRING);
    if (pairing.endedOn) throw new AppError('CONFLICT', { zh: '结对已结束', en: 'The pairing has ended' });
    if (input.endedOn < pairing.startedOn || input.endedOn > todayInChina())
      throw AppError.validation([
        {
          field: 'endedOn',
          messageZh: '结束日期须在结对日期之后且不晚于今天',
          messageEn: 'The end date lies between the start date and today',
        },
      ]);
    await repo.endPairing(tx, id, input.endedOn);
    await recordAudit(tx, ctx, {
      action: 'end',
      entity: 'social_pairing',
      entityId: id,
      orgCode: pairing.orgCode,
      before: { endedOn: null },
      after: input,
    });
  });
  return get({ db }, ctx, id);
}
