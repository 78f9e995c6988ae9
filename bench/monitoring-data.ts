import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '../server/db/connect.ts';
import { REALISTIC, windowRecords, type Mix } from './monitoring-mix.ts';

// A synthetic county for the monitoring benchmarks, generated set-based in SQL (generate_series):
// N households over the demo county's villages, 2–5 persons each (3.5 on average), two income
// years, and department records over the last ~13 months (3% unmatched). The shares come from the
// mix (bench/monitoring-mix.ts): `realistic` by default, `stress` for the adversarial first mix.

export const BENCH_COUNTY = '140521000000';
export const BENCH_PERIOD = '2025-06';

/** Persons of household h have ids h*8+1 … h*8+size(h); size(h) = 2 + (h*7919) % 4. */
const size = (h: string) => sql.raw(`(2 + ((${h})::bigint * 7919) % 4)::int`);

export async function generateCounty(
  db: Db,
  households: number,
  log: (line: string) => void,
  mix: Mix = REALISTIC,
  opts: { idCipher?: string } = {},
): Promise<void> {
  const n = households;
  // A bulk load: the facts triggers are off while the tables fill, and the facts are built once at the end (as a
  // restore does), rather than row by row through the triggers.
  for (const t of FACT_TABLES) await db.execute(sql.raw(`ALTER TABLE ${t} DISABLE TRIGGER USER`));
  await db.execute(sql`SELECT setseed(0.42)`);
  log(`  households (${mix.name} mix) …`);
  if (mix.name === 'stress') await insertStressHouseholds(db, n);
  else await insertHouseholds(db, n, mix);
  log(`  persons and memberships …`);
  await insertPersons(db, n, opts.idCipher ?? 'bench');
  log(`  income …`);
  if (mix.name === 'stress') await insertStressIncome(db, n);
  else await insertIncome(db, n, mix);
  await db.execute(sql`INSERT INTO feed_batch (id, county_code, source, file_name, content_hash, record_count, new_count, matched_count, unmatched_count, org_code)
    VALUES (1, ${BENCH_COUNTY}, 'medical', 'bench.csv', repeat('0', 64), 0, 0, 0, 0, ${BENCH_COUNTY})`);
  const [{ persons }] = await queryRows<{ persons: number }>(db, sql`SELECT count(*)::int AS persons FROM person`);
  const records = windowRecords(mix, persons);
  log(`  department records (${records.toLocaleString()}) …`);
  await insertFeedRecords(db, 1, records, n, 1, mix);
  await db.execute(sql`SELECT setval('household_id_seq', ${n}::bigint), setval('person_id_seq', ${n * 8 + 8}::bigint), setval('membership_id_seq', ${n * 8 + 8}::bigint),
    setval('feed_batch_id_seq', 100)`);
  log(`  facts (feed_event) …`);
  for (const t of FACT_TABLES) await db.execute(sql.raw(`ALTER TABLE ${t} ENABLE TRIGGER USER`));
  await db.execute(sql`SELECT feed_event_rebuild()`);
  log(`  analyze …`);
  await db.execute(sql`ANALYZE`);
}

/** The tables whose triggers keep the monitoring facts (migration 0026). */
const FACT_TABLES = ['feed_record', 'membership', 'person'];

/** The first benchmark's households: 15 % alleviated, 3 % monitored (all identified 2023-05). */
async function insertStressHouseholds(db: Db, n: number): Promise<void> {
  await db.execute(sql`INSERT INTO household (id, county_code, household_no, village_code, kind, alleviated_attribute, monitoring_type, identification_period,
      housing_grade, water_safe, school_dropout, housing_unsafe, medical_uninsured)
    SELECT g.i, ${BENCH_COUNTY}, 'B' || lpad(g.i::text, 10, '0'), v.codes[1 + g.i % array_length(v.codes, 1)],
      CASE WHEN g.r1 < 0.15 THEN 'alleviated' ELSE 'ordinary' END, CASE WHEN g.r1 < 0.15 THEN 'general' END,
      CASE WHEN g.r2 < 0.03 THEN CASE WHEN g.r1 < 0.15 THEN 'unstable' ELSE 'edge' END END, CASE WHEN g.r2 < 0.03 THEN '2023-05' END,
      CASE WHEN g.r3 < 0.01 THEN 'C' WHEN g.r3 < 0.015 THEN 'D' WHEN g.r3 < 0.5 THEN 'B' ELSE 'A' END, g.r4 >= 0.01, g.r5 < 0.002, false, false
    FROM (SELECT i, random() r1, random() r2, random() r3, random() r4, random() r5 FROM generate_series(1, ${n}::int) i) g,
      (SELECT array_agg(code ORDER BY code) AS codes FROM org_unit WHERE level = 'village' AND valid_to IS NULL) v`);
}

/** 30 surnames × 40 × 40 given characters: 48,000 names, so a full name is shared by about 70 people per million households. */
const SURNAMES = '王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧';
const GIVEN = '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰建国文红梅志海云飞鹏宇春晓燕';
const pick = (chars: string, seed: string) =>
  sql.raw(`substr('${chars}', 1 + (('x' || substr(md5(${seed}), 1, 6))::bit(24)::int % ${[...chars].length}), 1)`);

/**
 * Persons and their memberships. `idCipher` is every person's stored ID cipher (one encrypted synthetic ID, so that
 * lists can decrypt and mask it); their ID hashes are distinct and match the department records.
 */
async function insertPersons(db: Db, n: number, idCipher: string): Promise<void> {
  const id = '(h * 8 + s)::text';
  const name = sql`${pick(SURNAMES, `'s' || ${id}`)} || ${pick(GIVEN, `'g' || ${id}`)} || ${pick(GIVEN, `'k' || ${id}`)}`;
  await db.execute(sql`INSERT INTO person (id, county_code, id_hash, id_cipher, id_kind, name, labour_skill, resident_medical_insurance, employee_medical_insurance)
    SELECT h * 8 + s, ${BENCH_COUNTY}, md5('p' || (h * 8 + s)) || md5('q' || (h * 8 + s)), ${idCipher}, 'resident', ${name},
      CASE WHEN s <= 2 THEN 'ordinary' WHEN s = 3 THEN 'weak' ELSE 'none' END, random() >= 0.004, false
    FROM generate_series(1, ${n}::int) h, generate_series(1, ${size('h')}) s`);
  await db.execute(sql`INSERT INTO membership (id, county_code, household_id, person_id, relationship, valid_from)
    SELECT h * 8 + s, ${BENCH_COUNTY}, h, h * 8 + s, CASE s WHEN 1 THEN 'head' WHEN 2 THEN 'spouse' ELSE 'son' END, '2021-01-01'
    FROM generate_series(1, ${n}::int) h, generate_series(1, ${size('h')}) s`);
}

async function insertStressIncome(db: Db, n: number): Promise<void> {
  // Per capita 5,000–25,000 yuan (5% at or below the 6,000 line); the year before 0.8–1.46× (≈5% fell by 30%).
  await db.execute(sql`INSERT INTO household_income (county_code, household_id, year, wage_income, household_size)
    SELECT ${BENCH_COUNTY}, g.h, y.year, (g.pc * CASE WHEN y.year = 2025 THEN 1 ELSE g.f END)::bigint * ${size('g.h')}, ${size('g.h')}
    FROM (SELECT h, 500000 + floor(random() * 2000000) AS pc, 0.8 + random() * 0.66 AS f FROM generate_series(1, ${n}::int) h) g,
      (VALUES (2024), (2025)) y(year)`);
}

/** A standard normal draw from two uniforms (Box–Muller), as SQL. */
const normal = (u1: string, u2: string) => sql.raw(`(sqrt(-2 * ln(1 - ${u1})) * cos(2 * pi() * ${u2}))`);

/**
 * The realistic mix's households: kinds and monitoring types with the mix's shares; eliminated households carry
 * their elimination (2024-06), the others stay monitored since 2023-05.
 */
async function insertHouseholds(db: Db, n: number, mix: Mix): Promise<void> {
  const m = mix.households;
  await db.execute(sql`INSERT INTO household (id, county_code, household_no, village_code, kind, alleviated_attribute, monitoring_type, identification_period,
      elimination_period, elimination_mode, housing_grade, water_safe, school_dropout, housing_unsafe, medical_uninsured)
    SELECT g.i, ${BENCH_COUNTY}, 'B' || lpad(g.i::text, 10, '0'), v.codes[1 + g.i % array_length(v.codes, 1)], g.kind,
      CASE WHEN g.kind = 'alleviated' THEN 'general' END, g.type, CASE WHEN g.type IS NOT NULL THEN '2023-05' END,
      CASE WHEN g.type IS NOT NULL AND g.r6 < ${m.eliminatedOfMonitored}::float8 THEN '2024-06' END,
      CASE WHEN g.type IS NOT NULL AND g.r6 < ${m.eliminatedOfMonitored}::float8 THEN 'assistedElimination' END,
      CASE WHEN g.r3 < ${m.housingC}::float8 THEN 'C' WHEN g.r3 < ${m.housingC + m.housingD}::float8 THEN 'D' WHEN g.r3 < 0.5 THEN 'B' ELSE 'A' END,
      g.r4 >= ${m.waterUnsafe}::float8, false, false, false
    FROM (SELECT i, r3, r4, r6, kind,
            CASE WHEN r5 < ${m.sudden}::float8 THEN 'suddenHardship'
                 WHEN kind = 'alleviated' AND r2 < ${m.unstableOfAlleviated}::float8 THEN 'unstable'
                 WHEN kind = 'ordinary' AND r2 < ${m.edgeOfOrdinary}::float8 THEN 'edge' END AS type
          FROM (SELECT i, random() r2, random() r3, random() r4, random() r5, random() r6,
                  CASE WHEN random() < ${m.alleviated}::float8 THEN 'alleviated' ELSE 'ordinary' END AS kind
                FROM generate_series(1, ${n}::int) i) d) g,
      (SELECT array_agg(code ORDER BY code) AS codes FROM org_unit WHERE level = 'village' AND valid_to IS NULL) v`);
}

/**
 * Income of two years. Outside monitoring: line × exp(N(ln median, σ)); monitored and not eliminated: 0.6–1.1×
 * the line; eliminated: 1.1–2×. The year before: ×exp(N(0, 0.08)) / 1.05 (about 5 % growth, drops of 30 % rare).
 */
async function insertIncome(db: Db, n: number, mix: Mix): Promise<void> {
  const line = 600_000;
  await db.execute(sql`INSERT INTO household_income (county_code, household_id, year, wage_income, household_size)
    SELECT ${BENCH_COUNTY}, g.h, y.year, (g.pc * CASE WHEN y.year = 2025 THEN 1 ELSE g.f END)::bigint * ${size('g.h')}, ${size('g.h')}
    FROM (SELECT h.id AS h,
            CASE WHEN h.elimination_period IS NOT NULL THEN ${line}::float8 * (1.1 + random() * 0.9)
                 WHEN h.monitoring_type IS NOT NULL THEN ${line}::float8 * (0.6 + random() * 0.5)
                 ELSE ${line}::float8 * exp(ln(${mix.income.medianTimesLine}::float8) + ${mix.income.sigma}::float8 * ${normal('random()', 'random()')}) END AS pc,
            exp(0.08 * ${normal('random()', 'random()')}) / 1.05 AS f
          FROM household h) g,
      (VALUES (2024), (2025)) y(year)`);
}

/** `count` records for random persons of households 1…households, keys starting after `firstKey`. */
export async function insertFeedRecords(
  db: Db,
  batchId: number,
  count: number,
  households: number,
  firstKey: number,
  mix: Mix = REALISTIC,
): Promise<void> {
  const total = mix.items.reduce((sum, item) => sum + item.perPersonYear, 0);
  let lo = 0;
  const ranges = mix.items.map(({ source, item, perPersonYear }) => {
    const share = perPersonYear / total;
    const row = sql`(${source}, ${item}, ${lo}::float8, ${lo + share}::float8)`;
    lo += share;
    return row;
  });
  // Realistic: Pareto out-of-pocket amounts (long tail); stress: the first mix's exponential amounts.
  const inpatient =
    mix.name === 'stress' ? sql`floor(-ln(1 - r.a) * 150000)` : sql`floor(80000 * power(1 - r.a, -1 / 1.8))`;
  const outpatient =
    mix.name === 'stress' ? sql`floor(-ln(1 - r.a) * 20000)` : sql`floor(3000 * power(1 - r.a, -1 / 1.5))`;
  await db.execute(sql`INSERT INTO feed_record (county_code, batch_id, source, item, id_hash, id_cipher, name, occurred_on, amount_fen, attrs, record_key)
    SELECT ${BENCH_COUNTY}, ${batchId}::bigint, it.source, it.item,
      CASE WHEN r.u < 0.03 THEN md5('x' || r.k) || md5('y' || r.k) ELSE md5('p' || r.pid) || md5('q' || r.pid) END, 'bench', '测试',
      DATE '2025-06-30' - floor(r.d * 400)::int,
      CASE it.item WHEN 'inpatientOutOfPocket' THEN ${inpatient} WHEN 'outpatientOutOfPocket' THEN ${outpatient}
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
