import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '../server/db/connect.ts';

// A synthetic county for the monitoring benchmark, generated set-based in SQL (generate_series):
// N households over the demo county's villages, 2–5 persons each (3.5 on average), two income
// years, and about 5 department records per household over the last ~13 months (3% unmatched).
// Shares are chosen so that a few percent of households fire each rule, as in a real county.

export const BENCH_COUNTY = '140521000000';
export const BENCH_PERIOD = '2025-06';

/** Persons of household h have ids h*8+1 … h*8+size(h); size(h) = 2 + (h*7919) % 4. */
const size = (h: string) => sql.raw(`(2 + ((${h})::bigint * 7919) % 4)::int`);

export async function generateCounty(db: Db, households: number, log: (line: string) => void): Promise<void> {
  const n = households;
  await db.execute(sql`SELECT setseed(0.42)`);
  log(`  households …`);
  await db.execute(sql`INSERT INTO household (id, county_code, household_no, village_code, kind, alleviated_attribute, monitoring_type, identification_period,
      housing_grade, water_safe, school_dropout, housing_unsafe, medical_uninsured)
    SELECT g.i, ${BENCH_COUNTY}, 'B' || lpad(g.i::text, 10, '0'), v.codes[1 + g.i % array_length(v.codes, 1)],
      CASE WHEN g.r1 < 0.15 THEN 'alleviated' ELSE 'ordinary' END, CASE WHEN g.r1 < 0.15 THEN 'general' END,
      CASE WHEN g.r2 < 0.03 THEN CASE WHEN g.r1 < 0.15 THEN 'unstable' ELSE 'edge' END END, CASE WHEN g.r2 < 0.03 THEN '2023-05' END,
      CASE WHEN g.r3 < 0.01 THEN 'C' WHEN g.r3 < 0.015 THEN 'D' WHEN g.r3 < 0.5 THEN 'B' ELSE 'A' END, g.r4 >= 0.01, g.r5 < 0.002, false, false
    FROM (SELECT i, random() r1, random() r2, random() r3, random() r4, random() r5 FROM generate_series(1, ${n}::int) i) g,
      (SELECT array_agg(code ORDER BY code) AS codes FROM org_unit WHERE level = 'village' AND valid_to IS NULL) v`);
  log(`  persons and memberships …`);
  await db.execute(sql`INSERT INTO person (id, county_code, id_hash, id_cipher, id_kind, name, labour_skill, resident_medical_insurance, employee_medical_insurance)
    SELECT h * 8 + s, ${BENCH_COUNTY}, md5('p' || (h * 8 + s)) || md5('q' || (h * 8 + s)), 'bench', 'resident', '测试' || s,
      CASE WHEN s <= 2 THEN 'ordinary' WHEN s = 3 THEN 'weak' ELSE 'none' END, random() >= 0.004, false
    FROM generate_series(1, ${n}::int) h, generate_series(1, ${size('h')}) s`);
  await db.execute(sql`INSERT INTO membership (id, county_code, household_id, person_id, relationship, valid_from)
    SELECT h * 8 + s, ${BENCH_COUNTY}, h, h * 8 + s, CASE s WHEN 1 THEN 'head' WHEN 2 THEN 'spouse' ELSE 'son' END, '2021-01-01'
    FROM generate_series(1, ${n}::int) h, generate_series(1, ${size('h')}) s`);
  log(`  income …`);
  // Per capita 5,000–25,000 yuan (5% at or below the 6,000 line); the year before 0.8–1.46× (≈5% fell by 30%).
  await db.execute(sql`INSERT INTO household_income (county_code, household_id, year, wage_income, household_size)
    SELECT ${BENCH_COUNTY}, g.h, y.year, (g.pc * CASE WHEN y.year = 2025 THEN 1 ELSE g.f END)::bigint * ${size('g.h')}, ${size('g.h')}
    FROM (SELECT h, 500000 + floor(random() * 2000000) AS pc, 0.8 + random() * 0.66 AS f FROM generate_series(1, ${n}::int) h) g,
      (VALUES (2024), (2025)) y(year)`);
  await db.execute(sql`INSERT INTO feed_batch (id, county_code, source, file_name, content_hash, record_count, new_count, matched_count, unmatched_count, org_code)
    VALUES (1, ${BENCH_COUNTY}, 'medical', 'bench.csv', repeat('0', 64), 0, 0, 0, 0, ${BENCH_COUNTY})`);
  log(`  department records …`);
  await insertFeedRecords(db, 1, 5 * n, n, 1);
  await db.execute(sql`SELECT setval('household_id_seq', ${n}::bigint), setval('person_id_seq', ${n * 8 + 8}::bigint), setval('membership_id_seq', ${n * 8 + 8}::bigint),
    setval('feed_batch_id_seq', 100)`);
  log(`  analyze …`);
  await db.execute(sql`ANALYZE`);
}

/** Item mix: [source, item, share]; amounts and attributes by item below. */
const ITEMS: [string, string, number][] = [
  ['medical', 'inpatientOutOfPocket', 0.36],
  ['medical', 'outpatientOutOfPocket', 0.3],
  ['medical', 'uninsured', 0.01],
  ['education', 'dropout', 0.004],
  ['education', 'nonCompulsoryCost', 0.05],
  ['housing', 'houseAppraisal', 0.02],
  ['civil', 'death', 0.01],
  ['civil', 'minimumLiving', 0.03],
  ['civil', 'temporaryRelief', 0.03],
  ['disability', 'newDisability', 0.01],
  ['hr', 'unemployment', 0.02],
  ['hr', 'contributionGap', 0.01],
  ['emergency', 'disaster', 0.006],
  ['police', 'vehicle', 0.01],
  ['market', 'company', 0.004],
  ['finance', 'publicPayroll', 0.002],
  ['water', 'unsafeWater', 0.01],
];

/** `count` records for random persons of households 1…households, keys starting after `firstKey`. */
export async function insertFeedRecords(
  db: Db,
  batchId: number,
  count: number,
  households: number,
  firstKey: number,
): Promise<void> {
  let lo = 0;
  const ranges = ITEMS.map(([source, item, share]) => {
    const row = sql`(${source}, ${item}, ${lo}::float8, ${lo + share}::float8)`;
    lo += share;
    return row;
  });
  await db.execute(sql`INSERT INTO feed_record (county_code, batch_id, source, item, id_hash, id_cipher, name, occurred_on, amount_fen, attrs, record_key)
    SELECT ${BENCH_COUNTY}, ${batchId}::bigint, it.source, it.item,
      CASE WHEN r.u < 0.03 THEN md5('x' || r.k) || md5('y' || r.k) ELSE md5('p' || r.pid) || md5('q' || r.pid) END, 'bench', '测试',
      DATE '2025-06-30' - floor(r.d * 400)::int,
      CASE it.item WHEN 'inpatientOutOfPocket' THEN floor(-ln(1 - r.a) * 150000) WHEN 'outpatientOutOfPocket' THEN floor(-ln(1 - r.a) * 20000)
        WHEN 'nonCompulsoryCost' THEN floor(r.a * 1500000) WHEN 'temporaryRelief' THEN 50000 WHEN 'disaster' THEN floor(r.a * 2000000) END::bigint,
      CASE it.item WHEN 'houseAppraisal' THEN jsonb_build_object('houseGrade', (ARRAY['A','B','C','D'])[1 + floor(r.a * 4)::int])
        WHEN 'newDisability' THEN jsonb_build_object('disabilityGrade', 'grade' || (1 + floor(r.a * 4)::int), 'disabilityCategory', (ARRAY['physical','intellectual','visual','mental'])[1 + floor(r.d * 4)::int])
        WHEN 'contributionGap' THEN jsonb_build_object('gapMonths', (1 + floor(r.a * 6)::int)::text)
        WHEN 'disaster' THEN jsonb_build_object('disasterType', 'flood') END,
      md5('k' || r.k) || md5('l' || r.k)
    FROM (SELECT k, random() u, random() a, random() d, random() w, q.hid * 8 + 1 + floor(random() * (2 + (q.hid * 7919) % 4))::int AS pid
          FROM (SELECT k, 1 + floor(random() * ${households}::int)::bigint AS hid FROM generate_series(${firstKey}::bigint, ${firstKey + count - 1}::bigint) k) q) r
    JOIN (VALUES ${sql.join(ranges, sql`, `)}) it(source, item, lo, hi) ON r.w >= it.lo AND r.w < it.hi`);
}

export async function tableCounts(db: Db): Promise<Record<string, number>> {
  const [row] = await queryRows<Record<string, number>>(
    db,
    sql`SELECT (SELECT count(*) FROM household)::int AS households, (SELECT count(*) FROM person)::int AS persons, (SELECT count(*) FROM feed_record)::int AS feed_records`,
  );
  return row;
}
