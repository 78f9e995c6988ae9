import type { z } from 'zod';
import type { claimInput, ClaimRow } from '#common/contracts/insurance.ts';
import { claimErrors, decisionErrors, incomeYearOf, payoutStep } from '#common/domain/insurance/claims.ts';
import type { Db } from '#server/db/connect.ts';
import { AppError } from '#server/lib/app-error.ts';
import { todayInChina } from '#server/lib/clock.ts';
import type { RequestContext } from '#server/lib/context.ts';
import { pageWindow } from '#server/lib/paging.ts';
import { requirePermission } from '#server/lib/permissions.ts';
import { recordAudit } from '../audit/index.ts';
import { addInsurancePayout, insurancePayoutOf, type PayoutApplied } from '../registry/index.ts';
import * as repo from './insurance.repository.ts';
import {
  activeHousehold,
  CLAIM,
  claimFilter,
  getClaim,
  HOUSEHOLD,
  toClaimRow,
  toPolicyRow,
  type ClaimListQuery,
  type Decision,
  type InsuranceDeps,
} from './insurance.shared.ts';

// 防贫保险 claims: reported (报案) on the policy of the report year → paid (赔付) or refused (拒赔), both final
// (common/domain/insurance/claims.ts). A payment adds its amount to the household's 理赔收入 of the year paid through
// the registry (registry/index.ts addInsurancePayout), in the payment's transaction, unless the hand-typed part of
// that 理赔收入 already holds it (payoutStep) — docs/insurance.md.

/** What a payment did to 理赔收入: added, or not (no income record of the year; already typed in by hand). */
type IncomeEffect = PayoutApplied & { outcome: 'added' | 'noIncomeRecord' | 'alreadyCounted' };

export async function listClaims(deps: InsuranceDeps, ctx: RequestContext, q: ClaimListQuery) {
  requirePermission(ctx, 'programmes:read');
  const where = repo.claimWhere(ctx.actor.scopePrefix, claimFilter(q));
  const w = pageWindow({ ...q, page: q.page ?? 1 });
  const [rows, total] = await Promise.all([repo.listClaims(deps.db, where, q, w), repo.countClaims(deps.db, where)]);
  return { items: rows.map(toClaimRow), total, page: w.page ?? 1, pageSize: w.pageSize };
}

export async function claimInTx(deps: InsuranceDeps, tx: Db, ctx: RequestContext, input: z.infer<typeof claimInput>) {
  const h = await activeHousehold(deps, tx, ctx, input.householdId);
  const year = Number(input.claimedOn.slice(0, 4));
  const policy = await repo.findPolicy(tx, h.id, year);
  if (!policy)
    throw AppError.validation([
      {
        field: 'householdId',
        messageZh: `该户${year}年度未参保防贫保险`,
        messageEn: `The household holds no ${year} policy`,
      },
    ]);
  const errors = claimErrors({ policyYear: policy.year, ...input }, todayInChina());
  if (errors.length) throw AppError.validation(errors);
  const id = await repo.insertClaim(tx, {
    countyCode: h.countyCode,
    orgCode: h.villageCode,
    policyId: policy.id,
    householdId: h.id,
    cause: input.cause,
    claimedOn: input.claimedOn,
    amountFen: input.amountFen,
    note: input.note ?? null,
    createdBy: ctx.actor.id || null,
  });
  await recordAudit(tx, ctx, {
    action: 'report',
    entity: 'insurance_claim',
    entityId: id,
    orgCode: h.villageCode,
    after: { householdNo: h.householdNo, cause: input.cause, claimedOn: input.claimedOn, amountFen: input.amountFen },
  });
  return id;
}

/** 报案: a claim on the household's policy of the report year. */
export async function report(
  deps: InsuranceDeps,
  ctx: RequestContext,
  input: z.infer<typeof claimInput>,
): Promise<ClaimRow> {
  requirePermission(ctx, 'programmes:write');
  const id = await deps.db.transaction((tx) => claimInTx(deps, tx, ctx, input));
  return getClaim(deps, ctx, id);
}

export async function decideInTx(deps: InsuranceDeps, tx: Db, ctx: RequestContext, id: number, d: Decision) {
  const claim = await repo.findClaim(tx, ctx.actor.scopePrefix, id);
  if (!claim) throw AppError.notFound(CLAIM);
  const errors = decisionErrors(claim, d, todayInChina());
  if (errors.some((e) => e.field === 'status'))
    throw new AppError('CONFLICT', { zh: errors[0].messageZh, en: errors[0].messageEn });
  if (errors.length) throw AppError.validation(errors);
  let income: IncomeEffect | null = null;
  if (d.to === 'paid') {
    const year = incomeYearOf(d.paidOn);
    const recorded = await insurancePayoutOf(tx, claim.householdId, year);
    const ledger = await repo.ledgerIncomeAdded(tx, claim.householdId, year);
    const step = payoutStep(recorded, ledger, d.amountFen, d.alreadyInIncome);
    if (step.kind === 'refuse') throw AppError.validation([step.error]);
    await repo.decideClaim(tx, id, {
      status: 'paid',
      paidOn: d.paidOn,
      amountFen: d.amountFen,
      note: claim.note,
      incomeAddedFen: step.kind === 'add' ? d.amountFen : null,
    });
    income =
      step.kind === 'add'
        ? {
            ...(await addInsurancePayout(
              tx,
              ctx,
              claim.householdId,
              year,
              d.amountFen,
              `防贫保险理赔已赔付（理赔编号 ${id}，${d.paidOn}），计入理赔收入`,
            )),
            outcome: 'added',
          }
        : { applied: false, year, beforeFen: recorded, afterFen: recorded, outcome: step.kind };
  } else
    await repo.decideClaim(tx, id, {
      status: 'refused',
      paidOn: null,
      amountFen: claim.amountFen,
      note: d.note,
      incomeAddedFen: null,
    });
  await recordAudit(tx, ctx, {
    action: d.to === 'paid' ? 'pay' : 'refuse',
    entity: 'insurance_claim',
    entityId: id,
    orgCode: claim.orgCode,
    before: { status: claim.status, amountFen: claim.amountFen },
    after: d.to === 'paid' ? { ...d, incomeYear: income?.applied ? income.year : null } : d,
  });
  return income;
}

/** 赔付 or 拒赔; a payment reaches 理赔收入 of the year paid when that year's income record exists. */
export async function decide(deps: InsuranceDeps, ctx: RequestContext, id: number, d: Decision) {
  requirePermission(ctx, 'programmes:write');
  const income = await deps.db.transaction((tx) => decideInTx(deps, tx, ctx, id, d));
  return { claim: await getClaim(deps, ctx, id), income };
}

/** The household page's section: its policies by year and its claims. */
export async function household(deps: InsuranceDeps, ctx: RequestContext, householdId: number) {
  requirePermission(ctx, 'programmes:read');
  if (!(await repo.householdFacts(deps.db, ctx.actor.scopePrefix, householdId))) throw AppError.notFound(HOUSEHOLD);
  const [policies, claims] = await Promise.all([
    repo.listPolicies(
      deps.db,
      repo.policyWhere(ctx.actor.scopePrefix, { householdId }),
      { sort: 'year', order: 'desc' },
      { page: 1, pageSize: 50, offset: 0 },
    ),
    repo.listClaims(
      deps.db,
      repo.claimWhere(ctx.actor.scopePrefix, { householdId }),
      { sort: 'claimedOn', order: 'desc' },
      { pageSize: 200, offset: 0 },
    ),
  ]);
  return { policies: policies.map(toPolicyRow), claims: claims.map(toClaimRow) };
}
