import { sql } from 'drizzle-orm';
import { computeCheckDigit } from '../common/domain/id-card.ts';
import { householdSearchQuery } from '../common/contracts/registry.ts';
import { warningListQuery } from '../common/contracts/monitoring.ts';
import type { createServices } from '../server/app.ts';
import { queryRows, type Db } from '../server/db/connect.ts';
import type { RequestContext } from '../server/lib/context.ts';
import { latencies, type Latency } from './bench-db.ts';
import { BENCH_COUNTY } from './monitoring-data.ts';

// Issue 17 point 4: what a county officer waits for on a large registry, through the real services (scope, masking,
// paging, totals): household search by name, household number and ID number; one household's page; the warnings
// list. Each is printed as p50 / p95 of QUERIES lookups and as a ratio against the baseline measured in the same run
// (one household read by primary key, the cheapest lookup the database can do).

const QUERIES = 200;

type Services = ReturnType<typeof createServices>;

export interface LookupFigures {
  baseline: Latency;
  rows: { label: string; latency: Latency }[];
}

/** A valid 18-digit ID number (county 140521, born 1980-01-01 + n days), distinct per n < 100,000. */
function syntheticId(n: number): string {
  const born = new Date(Date.UTC(1980, 0, 1) + (n % 9000) * 86_400_000);
  const ymd = born.toISOString().slice(0, 10).replaceAll('-', '');
  const first17 = `140521${ymd}${String(Math.floor(n / 9000) * 10 + 1).padStart(3, '0')}`;
  return first17 + computeCheckDigit(first17);
}

/**
 * QUERIES persons spread over the county get real ID numbers (their keyed hash, as an import stores it), so that the
 * ID search goes through the same hash index as in production. Done after the runs were measured: it changes whose
 * department records those persons are.
 */
async function givePersonsIds(db: Db, services: Services): Promise<string[]> {
  const persons = await queryRows<{ id: number }>(
    db,
    sql`SELECT id::int AS id FROM person WHERE county_code = ${BENCH_COUNTY} ORDER BY md5(id::text) LIMIT ${QUERIES}`,
  );
  const ids = persons.map((_, i) => syntheticId(i * 37));
  const pairs = persons.map((p, i) => `(${p.id},'${services.box.hash(ids[i])}')`).join(',');
  await db.execute(
    sql.raw(
      `UPDATE person SET id_hash = v.h FROM (VALUES ${pairs}) v(id, h) WHERE person.id = v.id AND county_code = '${BENCH_COUNTY}'`,
    ),
  );
  return ids;
}

export async function benchLookups(db: Db, services: Services, ctx: RequestContext): Promise<LookupFigures> {
  const sample = await queryRows<{ id: number; no: string; name: string }>(
    db,
    sql`SELECT h.id::int AS id, h.household_no AS no, p.name FROM household h
      JOIN membership m ON m.household_id = h.id AND m.county_code = h.county_code AND m.relationship = 'head' AND m.valid_to IS NULL
      JOIN person p ON p.id = m.person_id AND p.county_code = m.county_code
      WHERE h.county_code = ${BENCH_COUNTY} ORDER BY md5(h.id::text) LIMIT ${QUERIES}`,
  );
  const ids = await givePersonsIds(db, services);
  const search = async (q: string) =>
    (await services.registry.search(ctx, householdSearchQuery.parse({ q }))).items.length > 0;
  const baseline = await latencies(
    sample,
    async (s) =>
      (await queryRows(db, sql`SELECT * FROM household WHERE id = ${s.id} AND county_code = ${BENCH_COUNTY}`)).length >
      0,
  );
  const warnings = async (orgCode?: string) =>
    (await services.monitoring.warnings(ctx, warningListQuery.parse({ orgCode }))).items.length > 0;
  const villages = await queryRows<{ code: string }>(
    db,
    sql`SELECT DISTINCT village_code AS code FROM household WHERE county_code = ${BENCH_COUNTY} ORDER BY 1 LIMIT ${QUERIES}`,
  );
  const rows = [
    { label: 'search by head name (first page, with total)', latency: await latencies(sample, (s) => search(s.name)) },
    { label: 'search by household number', latency: await latencies(sample, (s) => search(s.no)) },
    { label: 'search by ID number (keyed hash)', latency: await latencies(ids, (id) => search(id)) },
    {
      label: 'household page (household, members, incomes)',
      latency: await latencies(sample, async (s) => (await services.registry.get(ctx, s.id)).id === s.id),
    },
    {
      label: 'warnings list, county, first page of 100 with total',
      latency: await latencies(sample.slice(0, 50), () => warnings()),
    },
    {
      label: 'warnings list, one village (org filter)',
      latency: await latencies(villages, (v) => warnings(v.code)),
    },
  ];
  return { baseline, rows };
}
