import type { Writable } from 'node:stream';
import type { z } from 'zod';
import type { policyInput, uncoveredQuery, PolicyRow } from '#common/contracts/insurance.ts';
import { coverageReason, coverageScopeOf } from '#common/domain/insurance/coverage.ts';
import { countyCodeOf, orgFilterPrefix } from '#common/domain/org-code.ts';
import type { Db } from '#server/db/connect.ts';
import { AppError } from '#server/lib/app-error.ts';
import type { RequestContext } from '#server/lib/context.ts';
import { pageWindow } from '#server/lib/paging.ts';
import { requirePermission } from '#server/lib/permissions.ts';
import { ledgerMeta, writeLedger, type Cell } from '#server/lib/xlsx-ledger.ts';
import { recordAudit } from '../audit/index.ts';
import { resolveAll } from '../params/index.ts';
import * as repo from './insurance.repository.ts';
import {
  activeHousehold,
  getPolicy,
  thisYear,
  toPolicyRow,
  type InsuranceDeps,
  type PolicyListQuery,
} from './insurance.shared.ts';

// 防贫保险 policies: one per household and year (参保登记), and the coverage check (参保核对): the households the pure
// rule (common/domain/insurance/coverage.ts) says must be insured in the year and hold no policy, listed and exported.

export async function listPolicies(deps: InsuranceDeps, ctx: RequestContext, q: PolicyListQuery) {
  requirePermission(ctx, 'programmes:read');
  const where = repo.policyWhere(ctx.actor.scopePrefix, {
    year: q.year,
    orgPrefix: orgFilterPrefix(q.orgCode),
    q: q.q,
  });
  const w = pageWindow({ ...q, page: q.page ?? 1 });
  const [rows, total] = await Promise.all([
    repo.listPolicies(deps.db, where, q, w),
    repo.countPolicies(deps.db, where),
  ]);
  return { items: rows.map(toPolicyRow), total, page: w.page ?? 1, pageSize: w.pageSize };
}

export async function insureInTx(deps: InsuranceDeps, tx: Db, ctx: RequestContext, input: z.infer<typeof policyInput>) {
  const h = await activeHousehold(deps, tx, ctx, input.householdId);
  if (input.year > thisYear() + 1)
    throw AppError.validation([
      { field: 'year', messageZh: '至多登记下一年度保单', messageEn: 'At most next year’s policy' },
    ]);
  if (await repo.findPolicy(tx, h.id, input.year))
    throw AppError.validation([
      {
        field: 'year',
        messageZh: `该户${input.year}年度已参保`,
        messageEn: `The household is already insured for ${input.year}`,
      },
    ]);
  const id = await repo.insertPolicy(tx, {
    countyCode: h.countyCode,
    orgCode: h.villageCode,
    householdId: h.id,
    year: input.year,
    insurer: input.insurer,
    premiumFen: input.premiumFen ?? 0,
    createdBy: ctx.actor.id || null,
  });
  await recordAudit(tx, ctx, {
    action: 'create',
    entity: 'insurance_policy',
    entityId: id,
    orgCode: h.villageCode,
    after: { householdNo: h.householdNo, year: input.year, insurer: input.insurer, premiumFen: input.premiumFen },
  });
  return id;
}

/** 参保登记: one policy per household and year. */
export async function insure(
  deps: InsuranceDeps,
  ctx: RequestContext,
  input: z.infer<typeof policyInput>,
): Promise<PolicyRow> {
  requirePermission(ctx, 'programmes:write');
  const id = await deps.db.transaction((tx) => insureInTx(deps, tx, ctx, input));
  return getPolicy(deps, ctx, id);
}

/** 参保核对: the households the coverage rule says must be insured in the year and hold no policy (paged). */
export async function uncovered(deps: InsuranceDeps, ctx: RequestContext, q: z.infer<typeof uncoveredQuery>) {
  requirePermission(ctx, 'programmes:read');
  const year = q.year ?? thisYear();
  const params = await resolveAll(deps.db, countyCodeOf(ctx.actor.orgCode), `${year}-01`);
  const scope = coverageScopeOf(params['insurance.coverageScope']?.value);
  const where = repo.uncoveredWhere(ctx.actor.scopePrefix, scope, year, q.orgCode);
  const w = pageWindow({ ...q, page: q.page ?? 1 });
  const [rows, total] = await Promise.all([
    repo.listUncovered(deps.db, where, q, w),
    repo.countUncovered(deps.db, where),
  ]);
  return {
    year,
    items: rows.map((r) => ({
      householdId: Number(r.household_id),
      householdNo: r.household_no,
      headName: r.head_name,
      orgCode: r.village_code,
      villageName: r.village_name,
      townshipName: r.township_name,
      // the pure rule names the reason (the SQL selected the same households)
      reason:
        coverageReason({ kind: r.kind, monitoringStatus: r.monitoring_status, closed: false }, scope) ?? 'alleviated',
    })),
    total,
    page: w.page ?? 1,
    pageSize: w.pageSize,
  };
}

/** 应参保未参保农户清单 (.xlsx): the coverage check's households under the same filters, audited. */
export async function exportUncovered(
  deps: InsuranceDeps,
  ctx: RequestContext,
  q: { year?: number; orgCode?: string },
) {
  requirePermission(ctx, 'programmes:read');
  const year = q.year ?? thisYear();
  const params = await resolveAll(deps.db, countyCodeOf(ctx.actor.orgCode), `${year}-01`);
  const scope = coverageScopeOf(params['insurance.coverageScope']?.value);
  const where = repo.uncoveredWhere(ctx.actor.scopePrefix, scope, year, q.orgCode);
  const total = await repo.countUncovered(deps.db, where);
  await deps.db.transaction((tx) =>
    recordAudit(tx, ctx, {
      action: 'export',
      entity: 'insurance_policy',
      orgCode: ctx.actor.orgCode,
      after: { ledger: '防贫保险应参保未参保农户', rows: total, filters: { ...q, year } },
    }),
  );
  async function* rows(): AsyncGenerator<Cell[]> {
    const pageSize = 500;
    for (let offset = 0; ; offset += pageSize) {
      const batch = await repo.listUncovered(deps.db, where, { sort: 'orgCode' }, { pageSize, offset });
      for (const r of batch) {
        const reason = coverageReason({ kind: r.kind, monitoringStatus: r.monitoring_status, closed: false }, scope);
        yield [
          r.township_name,
          r.village_name,
          r.household_no,
          r.head_name,
          reason === 'monitored' ? '监测对象' : '脱贫户',
        ];
      }
      if (batch.length < pageSize) return;
    }
  }
  return (out: Writable) =>
    writeLedger(
      out,
      [
        {
          title: `${year}年防贫保险应参保未参保农户`,
          headers: ['乡镇', '村', { header: '户编号', kind: 'code' }, '户主', '应参保原因'],
          rows: rows(),
        },
      ],
      ledgerMeta(ctx),
    );
}
