import type { z } from 'zod';
import type { assetFilterQuery, AssetRow } from '#common/contracts/assets.ts';
import { levelOfCode, orgFilterPrefix } from '#common/domain/org-code.ts';
import type { Db } from '#server/db/connect.ts';
import { AppError } from '#server/lib/app-error.ts';
import type { RequestContext } from '#server/lib/context.ts';
import type { AssetFilter, listAssets } from './assets.repository.ts';

// What the 扶贫项目资产 use cases share (assets.read.ts, .register.ts, .operate.ts): the deps, a ledger row, the
// filter, the not-found and stale-version errors, the township-or-county check.

export interface AssetsDeps {
  db: Db;
}

export type AssetFilterQuery = z.infer<typeof assetFilterQuery>;

export const NOT_FOUND = { zh: '资产', en: 'Asset' };
export const STALE = new AppError('CONFLICT', {
  zh: '资产已被他人修改，请刷新后重试',
  en: 'The asset was changed; reload and retry',
});

/** Registering and disposing of assets is for the township or county, not a village officer. */
export function requireAboveVillage(ctx: RequestContext, message: { zh: string; en: string }) {
  if (ctx.actor.role === 'villageOfficer') throw new AppError('FORBIDDEN', message);
}

export function toAssetRow(r: Awaited<ReturnType<typeof listAssets>>[number]): AssetRow {
  const a = r.a;
  return {
    id: a.id,
    code: a.code,
    name: a.name,
    category: a.category,
    projectId: a.projectId,
    projectName: r.projectName,
    originYear: a.originYear,
    fundSources: a.fundSources,
    originalValueFen: a.originalValueFen,
    bookValueFen: a.bookValueFen,
    orgCode: a.orgCode,
    orgName: r.orgName ?? a.orgCode,
    townshipName: levelOfCode(a.orgCode) === 'county' ? null : r.townshipName,
    location: a.location,
    quantity: Number(a.quantity),
    unit: a.unit,
    ownerLevel: a.ownerLevel,
    ownerName: a.ownerName,
    operator: a.operator,
    custodian: a.custodian,
    custodianPerson: a.custodianPerson,
    beneficiaries: a.beneficiaries,
    photovoltaic: a.photovoltaic,
    status: a.status,
    incomeFen: r.incomeFen,
    version: a.version,
  };
}

export function filterOf(q: AssetFilterQuery): AssetFilter {
  return {
    category: q.category,
    ownerLevel: q.ownerLevel,
    status: q.status,
    q: q.q,
    orgPrefix: orgFilterPrefix(q.orgCode),
  };
}
