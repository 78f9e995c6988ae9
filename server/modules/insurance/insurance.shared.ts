import type { z } from 'zod';
import type {
  claimExportQuery,
  claimListQuery,
  decisionInput,
  policyListQuery,
  ClaimRow,
  PolicyRow,
} from '#common/contracts/insurance.ts';
import type { ClaimCause } from '#common/domain/insurance/codes.ts';
import { orgFilterPrefix } from '#common/domain/org-code.ts';
import type { Db } from '#server/db/connect.ts';
import { AppError } from '#server/lib/app-error.ts';
import { todayInChina } from '#server/lib/clock.ts';
import type { RequestContext } from '#server/lib/context.ts';
import type { PersonalDataBox } from '#server/lib/crypto.ts';
import * as repo from './insurance.repository.ts';

// What the 防贫保险 use cases share (insurance.policies.ts, insurance.claims.ts, insurance.ledger.ts): the deps, the
// row shapes of the lists, one policy or claim read back in scope, the active household a write is made on.

export interface InsuranceDeps {
  db: Db;
  box: PersonalDataBox;
}

export type PolicyListQuery = z.infer<typeof policyListQuery>;
export type ClaimListQuery = z.infer<typeof claimListQuery>;
export type ClaimExportQuery = z.infer<typeof claimExportQuery>;
export type Decision = z.infer<typeof decisionInput>;

export const HOUSEHOLD = { zh: '农户', en: 'Household' };
export const CLAIM = { zh: '理赔记录', en: 'Claim' };

export function toPolicyRow(r: Awaited<ReturnType<typeof repo.listPolicies>>[number]): PolicyRow {
  const x = r.policy;
  return {
    id: x.id,
    householdId: x.householdId,
    householdNo: r.householdNo,
    headName: r.headName,
    orgCode: x.orgCode,
    villageName: r.villageName,
    year: x.year,
    insurer: x.insurer,
    premiumFen: x.premiumFen,
    claims: Number(r.claims),
    paidFen: Number(r.paidFen),
  };
}

export function toClaimRow(r: Awaited<ReturnType<typeof repo.listClaims>>[number]): ClaimRow {
  const x = r.claim;
  return {
    id: x.id,
    policyId: x.policyId,
    policyYear: r.policyYear,
    insurer: r.insurer,
    householdId: x.householdId,
    householdNo: r.householdNo,
    headName: r.headName,
    orgCode: x.orgCode,
    villageName: r.villageName,
    cause: x.cause as ClaimCause,
    claimedOn: x.claimedOn,
    amountFen: x.amountFen,
    status: x.status,
    paidOn: x.paidOn,
    note: x.note,
  };
}

export const claimFilter = (q: ClaimExportQuery) => ({
  year: q.year,
  orgPrefix: orgFilterPrefix(q.orgCode),
  status: q.status,
  cause: q.cause,
  q: q.q,
});

export const thisYear = () => Number(todayInChina().slice(0, 4));

export async function getPolicy(deps: InsuranceDeps, ctx: RequestContext, id: number): Promise<PolicyRow> {
  const [row] = await repo.listPolicies(
    deps.db,
    repo.policyWhere(ctx.actor.scopePrefix, { id }),
    {},
    { page: 1, pageSize: 1, offset: 0 },
  );
  if (!row) throw AppError.notFound({ zh: '保单', en: 'Policy' });
  return toPolicyRow(row);
}

export async function activeHousehold(deps: InsuranceDeps, tx: Db, ctx: RequestContext, householdId: number) {
  const h = await repo.householdFacts(tx, ctx.actor.scopePrefix, householdId);
  if (!h) throw AppError.notFound(HOUSEHOLD);
  if (h.closed)
    throw AppError.validation([
      { field: 'householdId', messageZh: '该户已销户', messageEn: 'The household is closed' },
    ]);
  return h;
}

export async function getClaim(deps: InsuranceDeps, ctx: RequestContext, id: number): Promise<ClaimRow> {
  const [row] = await repo.listClaims(
    deps.db,
    repo.claimWhere(ctx.actor.scopePrefix, { id }),
    {},
    { pageSize: 1, offset: 0 },
  );
  if (!row) throw AppError.notFound(CLAIM);
  return toClaimRow(row);
}
