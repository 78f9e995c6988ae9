import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '#server/db/connect.ts';
import { inScope } from '#server/db/scope.ts';

// The asset ledger's income of village-owned operating assets, per village and year (fen), split into photovoltaic
// stations and other assets: what 村集体经济 (server/modules/collective-economy) shows beside the amounts a village
// enters, and offers as their starting values. Read in the caller's connection or transaction.

export interface VillageAssetIncome {
  orgCode: string;
  year: number;
  photovoltaicFen: number;
  assetFen: number;
}

export async function villageAssetIncome(
  db: Db,
  scopePrefix: string,
  filter: { years?: number[]; orgPrefix?: string },
): Promise<VillageAssetIncome[]> {
  const years = filter.years ?? [];
  const rows = await queryRows<{ org_code: string; year: number; pv: string | number; other: string | number }>(
    db,
    sql`SELECT substr(a.org_code, 1, 12) AS org_code, i.year::int AS year,
          coalesce(sum(i.amount_fen) FILTER (WHERE a.photovoltaic), 0)::bigint AS pv,
          coalesce(sum(i.amount_fen) FILTER (WHERE NOT a.photovoltaic), 0)::bigint AS other
        FROM asset_income i JOIN asset a ON a.id = i.asset_id
        WHERE a.owner_level = 'village' AND ${inScope(sql`a.org_code`, { scopePrefix })}
          ${filter.orgPrefix ? sql`AND a.org_code LIKE ${filter.orgPrefix + '%'}` : sql``}
          ${
            years.length
              ? sql`AND i.year IN (${sql.join(
                  years.map((y) => sql`${y}`),
                  sql`, `,
                )})`
              : sql``
          }
        GROUP BY 1, 2`,
  );
  return rows.map((r) => ({
    orgCode: r.org_code,
    year: r.year,
    photovoltaicFen: Number(r.pv),
    assetFen: Number(r.other),
  }));
}
