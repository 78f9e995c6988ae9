import { sql, type SQL } from 'drizzle-orm';
import { LABOUR_CAPABLE_SKILLS } from '#common/domain/registry/codes.ts';
import { queryRows, type Db } from '#server/db/connect.ts';
import { INCOME_AMOUNTS, type PresentColumns } from './fill-absent.ts';
import type { StageTables } from './staging.ts';

// What an import would do to each valid household: create it, update it (its facts, members,
// people or income differ from the registry) or leave it unchanged. Set-based; read-only on the
// registry, so the dry run reports the same counts the real import then writes.

/** Household facts an import sets; staging uses the registry's column names. */
export const HOUSEHOLD_FACTS = [
  'village_code',
  'kind',
  'alleviated_attribute',
  'monitoring_type',
  'identification_period',
  'risk_types',
  'elimination_period',
  'elimination_mode',
  'phone_cipher',
  'address',
  'housing_grade',
  'water_safe',
  'school_dropout',
  'housing_unsafe',
  'medical_uninsured',
  'extra',
  'whole_household_no_labour',
] as const;

/** Phones are compared through phone_changed (ciphers of the same number differ). */
const HOUSEHOLD_COMPARED = HOUSEHOLD_FACTS.filter((c) => c !== 'phone_cipher');

/** Person column ← staged column ← the workbook column that feeds it (sex and birth date come from the ID). */
const PERSON_FACTS: readonly (readonly [person: string, staged: string, key: string])[] = [
  ['id_kind', 'id_kind', 'id'],
  ['name', 'name', 'name'],
  ['sex', 'id_sex', 'id'],
  ['birth_date', 'id_birth_date', 'id'],
  ['ethnicity', 'ethnicity', 'ethnicity'],
  ['political_status', 'political_status', 'political_status'],
  ['education', 'education', 'education'],
  ['schooling', 'schooling', 'schooling'],
  ['health', 'health', 'health'],
  ['disability_category', 'disability_category', 'disability_category'],
  ['disability_grade', 'disability_grade', 'disability_grade'],
  ['labour_skill', 'labour_skill', 'labour_skill'],
  ['work_months', 'work_months', 'work_months'],
  ['work_place', 'work_place', 'work_place'],
  ['public_welfare_post', 'public_welfare_post', 'public_welfare_post'],
  ['resident_medical_insurance', 'resident_medical_insurance', 'resident_medical_insurance'],
  ['employee_medical_insurance', 'employee_medical_insurance', 'employee_medical_insurance'],
  ['minimum_living', 'minimum_living', 'minimum_living'],
  ['destitute_support', 'destitute_support', 'destitute_support'],
  ['phone_cipher', 'phone_cipher', 'phone'],
  ['extra', 'extra', 'extra'],
];

/** The person facts this file states: a column it lacks is neither compared nor overwritten. */
export function personFactsOf(present: PresentColumns): { person: string[]; staged: string[] } {
  const stated = PERSON_FACTS.filter(([, , key]) => (key === 'extra' ? present.memberExtra : present.members.has(key)));
  return { person: stated.map(([person]) => person), staged: stated.map(([, staged]) => staged) };
}

/** Every person column with its value for a new person (NOT NULL flags default to 否). */
export function newPersonColumns(): { person: string[]; values: SQL[] } {
  const value = (staged: string, person: string): SQL => {
    if (person === 'health') return sql`coalesce(m.health, '{}')`;
    if (
      [
        'public_welfare_post',
        'resident_medical_insurance',
        'employee_medical_insurance',
        'minimum_living',
        'destitute_support',
      ].includes(person)
    ) {
      return sql`coalesce(${sql.identifier('m')}.${sql.identifier(staged)}, false)`;
    }
    return sql`${sql.identifier('m')}.${sql.identifier(staged)}`;
  };
  return {
    person: PERSON_FACTS.map(([person]) => person),
    values: PERSON_FACTS.map(([person, staged]) => value(staged, person)),
  };
}

const id = (name: string) => sql.identifier(name);
export const columnsOf = (alias: string, names: readonly string[]): SQL =>
  sql.join(
    names.map((n) => sql`${id(alias)}.${id(n)}`),
    sql`, `,
  );

/** The person of a staged member, by ID hash within the county. */
export const personOf = (member: string) =>
  sql`person p ON p.county_code = ${id(member)}.county_code AND p.id_hash = ${id(member)}.id_hash`;

export async function classify(db: Db, t: StageTables, present: PresentColumns): Promise<void> {
  const { households: H, members: M } = t;
  const capable = sql.join(
    LABOUR_CAPABLE_SKILLS.map((s) => sql`${s}`),
    sql`, `,
  );
  await db.execute(sql`UPDATE ${H} s SET member_count = c.n, whole_household_no_labour = c.no_labour
    FROM (SELECT household_ref, count(*)::int AS n, NOT coalesce(bool_or(labour_skill IN (${capable})), false) AS no_labour
          FROM ${M} GROUP BY household_ref) c
    WHERE c.household_ref = s.id`);

  // Joins and grouped subqueries rather than per-row EXISTS: the planner can hash them (minutes → seconds at 100k).
  const facts = personFactsOf(present);
  const compared = facts.person.filter((c) => c !== 'phone_cipher');
  const comparedStaged = facts.staged.filter((c) => c !== 'phone_cipher');
  await db.execute(sql`UPDATE ${M} m SET kept = c.kept, person_changed = c.changed
    FROM (SELECT x.id, ms.id IS NOT NULL AS kept,
            p.id IS NOT NULL AND (x.phone_changed OR (${columnsOf('p', compared)}) IS DISTINCT FROM (${columnsOf('x', comparedStaged)})) AS changed
          FROM ${M} x
          JOIN ${H} s ON s.id = x.household_ref AND NOT s.invalid
          LEFT JOIN ${personOf('x')}
          LEFT JOIN membership ms ON ms.county_code = p.county_code AND ms.household_id = s.household_id
            AND ms.person_id = p.id AND ms.relationship = x.relationship AND ms.valid_to IS NULL) c
    WHERE c.id = m.id`);

  const amounts = [...INCOME_AMOUNTS];
  const ended = sql`SELECT s.id, count(*) AS n FROM ${H} s
    JOIN membership ms ON ms.county_code = s.county_code AND ms.household_id = s.household_id AND ms.valid_to IS NULL
    JOIN person q ON q.id = ms.person_id AND q.county_code = ms.county_code
    WHERE NOT EXISTS (SELECT 1 FROM ${M} x WHERE x.household_ref = s.id AND x.id_hash = q.id_hash AND x.relationship = ms.relationship)
    GROUP BY s.id`;
  await db.execute(sql`UPDATE ${H} s SET fields_changed = c.fields_changed, income_changed = c.income_changed,
      members_added = c.added, persons_updated = c.updated, members_ended = c.ended
    FROM (SELECT x.id,
            h.id IS NULL OR x.phone_changed OR (${columnsOf('h', HOUSEHOLD_COMPARED)}) IS DISTINCT FROM (${columnsOf('x', HOUSEHOLD_COMPARED)}) AS fields_changed,
            x.income_year IS NOT NULL AND (i.id IS NULL
              OR (${columnsOf('i', amounts)}, i.household_size) IS DISTINCT FROM (${columnsOf('x', amounts)}, x.member_count)) AS income_changed,
            coalesce(a.added, 0) AS added, coalesce(a.updated, 0) AS updated, coalesce(e.n, 0) AS ended
          FROM ${H} x
          LEFT JOIN household h ON h.id = x.household_id AND h.county_code = x.county_code
          LEFT JOIN household_income i ON i.household_id = x.household_id AND i.county_code = x.county_code AND i.year = x.income_year
          LEFT JOIN (SELECT household_ref, count(*) FILTER (WHERE NOT kept) AS added, count(*) FILTER (WHERE person_changed) AS updated
                     FROM ${M} GROUP BY household_ref) a ON a.household_ref = x.id
          LEFT JOIN (${ended}) e ON e.id = x.id
          WHERE NOT x.invalid) c
    WHERE c.id = s.id`);
  await db.execute(sql`UPDATE ${H} SET status = CASE
      WHEN invalid THEN 'invalid'
      WHEN household_id IS NULL THEN 'create'
      WHEN fields_changed OR income_changed OR members_added > 0 OR members_ended > 0 OR persons_updated > 0 THEN 'update'
      ELSE 'unchanged' END`);
}

export interface Outcome {
  households: number;
  created: number;
  updated: number;
  unchanged: number;
  invalid: number;
  members: { rows: number; added: number; ended: number; updated: number; unchanged: number };
}

export async function outcomeOf(db: Db, t: StageTables): Promise<Outcome> {
  const [h] = await queryRows<Record<string, number>>(
    db,
    sql`SELECT count(*)::int AS households,
      count(*) FILTER (WHERE status = 'create')::int AS created, count(*) FILTER (WHERE status = 'update')::int AS updated,
      count(*) FILTER (WHERE status = 'unchanged')::int AS unchanged, count(*) FILTER (WHERE status = 'invalid')::int AS invalid,
      coalesce(sum(members_added) FILTER (WHERE NOT invalid), 0)::int AS added,
      coalesce(sum(members_ended) FILTER (WHERE NOT invalid), 0)::int AS ended,
      coalesce(sum(persons_updated) FILTER (WHERE NOT invalid), 0)::int AS persons_updated
    FROM ${t.households}`,
  );
  const [m] = await queryRows<Record<string, number>>(
    db,
    sql`SELECT count(*)::int AS rows,
      count(*) FILTER (WHERE m.kept AND NOT m.person_changed AND NOT s.invalid)::int AS unchanged
    FROM ${t.members} m LEFT JOIN ${t.households} s ON s.id = m.household_ref`,
  );
  return {
    households: h.households,
    created: h.created,
    updated: h.updated,
    unchanged: h.unchanged,
    invalid: h.invalid,
    members: { rows: m.rows, added: h.added, ended: h.ended, updated: h.persons_updated, unchanged: m.unchanged },
  };
}
