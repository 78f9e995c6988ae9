import type { z } from 'zod';
import type {
  VillageIncomeRow,
  collectiveExportQuery,
  collectiveListQuery,
} from '#common/contracts/collective-economy.ts';
import { orgFilterPrefix, scopePrefixOf } from '#common/domain/org-code.ts';
import { NOT_FOUND } from '#common/domain/params/param-seed.ts';
import { collectiveTotalFen, isWeakVillage } from '#common/domain/village-economy/rules.ts';
import type { Db } from '#server/db/connect.ts';
import type { RequestContext } from '#server/lib/context.ts';
import { countyOfActor } from '#server/lib/county.ts';
import { villageAssetIncome, type VillageAssetIncome } from '../assets/index.ts';
import { numberParam, resolveAll } from '../params/index.ts';
import * as repo from './collective-economy.repository.ts';

// What the 村集体经济 use cases share (collective-economy.villages.ts, .entries.ts, .ledger.ts): the deps, the weak
// line of a year, a village's row of a year, the filter, the asset ledger's income of the villages.

export interface CollectiveEconomyDeps {
  db: Db;
}

export type ListQuery = z.infer<typeof collectiveListQuery>;
export type ExportQuery = z.infer<typeof collectiveExportQuery>;

const num = (v: string | number | null) => (v === null ? 0 : Number(v));
const iso = (v: string | Date | null) => (v === null ? null : v instanceof Date ? v.toISOString() : String(v));

/** The weak line of the year (collective.weakIncomeFen) and whether it is the not-found default. */
export async function weakLine({ db }: CollectiveEconomyDeps, ctx: RequestContext, year: number) {
  const params = await resolveAll(db, countyOfActor(ctx), `${year}-12`);
  return {
    weakLineFen: numberParam(params, 'collective.weakIncomeFen'),
    weakLineNotFound: (params['collective.weakIncomeFen']?.source ?? '').startsWith(NOT_FOUND),
  };
}

export function toRow(r: repo.VillageRowDb, year: number, line: number, ledger: Map<string, VillageAssetIncome>) {
  const amounts = {
    assetFen: num(r.asset_fen),
    photovoltaicFen: num(r.photovoltaic_fen),
    landFen: num(r.land_fen),
    operationsFen: num(r.operations_fen),
    otherFen: num(r.other_fen),
  };
  const totalFen = collectiveTotalFen(amounts);
  const l = ledger.get(r.code);
  return {
    orgCode: r.code,
    villageName: r.name,
    townshipCode: `${r.code.slice(0, 9)}000`,
    townshipName: r.township_name,
    year,
    entered: r.id !== null,
    ...amounts,
    totalFen,
    weak: r.id !== null && isWeakVillage(totalFen, line),
    ledger: { photovoltaicFen: l?.photovoltaicFen ?? 0, assetFen: l?.assetFen ?? 0 },
    note: r.note,
    enteredAt: iso(r.created_at),
  } satisfies VillageIncomeRow;
}

export const filterOf = (ctx: RequestContext, q: ExportQuery, weakLineFen: number) =>
  repo.villageFrom(ctx.actor.scopePrefix, {
    year: q.year,
    weakLineFen,
    orgPrefix: orgFilterPrefix(q.orgCode),
    status: q.status,
    q: q.q,
  });

/** The asset ledger's income of the year of each village in scope (under `orgCode` when given). */
export async function ledgerOf({ db }: CollectiveEconomyDeps, ctx: RequestContext, year: number, orgCode?: string) {
  const rows = await villageAssetIncome(db, ctx.actor.scopePrefix, {
    years: [year],
    orgPrefix: orgCode && scopePrefixOf(orgCode),
  });
  return new Map(rows.map((r) => [r.orgCode, r]));
}
