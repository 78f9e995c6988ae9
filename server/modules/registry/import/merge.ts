import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '#server/db/connect.ts';
import type { RequestContext } from '#server/lib/context.ts';
import { HOUSEHOLD_FACTS, columnsOf, newPersonColumns, personFactsOf, personOf } from './classify.ts';
import { INCOME_AMOUNTS, type PresentColumns } from './fill-absent.ts';
import { analyzeRegistry, type StageTables } from './staging.ts';

// The staged, classified households into the registry, set-based, inside the caller's transaction:
// new households; one timeline entry per created or changed household (before the facts change, so
// "before" is read from the registry itself) and, apart, one 'importNational' entry where the file sets
// or changes the monitoring status (imported history from the national system, never an edit); household facts; people by ID hash; memberships ended
// (never deleted) and added; the income year. Households classified unchanged are not touched.

export interface MergeContext {
  ctx: RequestContext;
  today: string;
  /** 导入 <file>: the reason on every timeline entry and ended membership. */
  reason: string;
  present: PresentColumns;
}

const id = (name: string) => sql.identifier(name);
const list = (names: readonly string[]) => sql.join(names.map(id), sql`, `);
const WRITTEN = sql`('create', 'update')`;

/** Household facts as the timeline shows them (the registry service's names; the phone masked). */
function factsJson(alias: string, phoneMasked: SQL): SQL {
  const a = (name: string) => sql`${id(alias)}.${id(name)}`;
  return sql`jsonb_build_object('villageCode', ${a('village_code')}, 'kind', ${a('kind')},
    'alleviatedAttribute', ${a('alleviated_attribute')}, 'monitoringType', ${a('monitoring_type')},
    'identificationPeriod', ${a('identification_period')}::text, 'riskTypes', ${a('risk_types')},
    'eliminationPeriod', ${a('elimination_period')}::text, 'eliminationMode', ${a('elimination_mode')},
    'phone', ${phoneMasked}, 'address', ${a('address')}, 'housingGrade', ${a('housing_grade')}::text,
    'waterSafe', ${a('water_safe')}, 'schoolDropout', ${a('school_dropout')}, 'housingUnsafe', ${a('housing_unsafe')},
    'medicalUninsured', ${a('medical_uninsured')}, 'wholeHouseholdNoLabour', ${a('whole_household_no_labour')}, 'extra', ${a('extra')})`;
}

async function insertHouseholds(tx: Db, t: StageTables): Promise<void> {
  const values = sql.join(
    HOUSEHOLD_FACTS.map((c) => (c === 'risk_types' ? sql`coalesce(s.risk_types, '{}')` : sql`s.${id(c)}`)),
    sql`, `,
  );
  await tx.execute(sql`INSERT INTO household (county_code, household_no, ${list(HOUSEHOLD_FACTS)})
    SELECT county_code, household_no, ${values} FROM ${t.households} s WHERE s.status = 'create' ORDER BY s.id`);
  await tx.execute(sql`UPDATE ${t.households} s SET household_id = h.id FROM household h
    WHERE s.status = 'create' AND h.county_code = s.county_code AND h.household_no = s.household_no`);
}

/** The monitoring status (the registry service's names): set only by cases or, here, by the national export. */
const MONITORING_KEYS = sql`ARRAY['monitoringType', 'identificationPeriod', 'riskTypes', 'eliminationPeriod', 'eliminationMode']::text[]`;

function monitoringJson(alias: string): SQL {
  const a = (name: string) => sql`${id(alias)}.${id(name)}`;
  return sql`jsonb_build_object('monitoringType', ${a('monitoring_type')}, 'identificationPeriod', ${a('identification_period')}::text,
    'riskTypes', coalesce(${a('risk_types')}, '{}'), 'eliminationPeriod', ${a('elimination_period')}::text, 'eliminationMode', ${a('elimination_mode')})`;
}

/** The keys of `a` whose value differs in `b`, with a's values. */
const diffOf = (a: SQL, b: SQL) =>
  sql`(SELECT coalesce(jsonb_object_agg(x.key, x.value), '{}') FROM jsonb_each(${a}) x WHERE x.value IS DISTINCT FROM ${b} -> x.key)`;

async function recordChanges(tx: Db, t: StageTables, m: MergeContext): Promise<void> {
  const { actor } = m.ctx;
  const summary = sql`jsonb_strip_nulls(jsonb_build_object('membersAdded', nullif(s.members_added, 0),
    'membersEnded', nullif(s.members_ended, 0), 'membersUpdated', nullif(s.persons_updated, 0),
    'incomeYear', CASE WHEN s.income_changed THEN s.income_year END))`;
  // Village officers' changes wait for township review, as in the registry service.
  const review = actor.role === 'villageOfficer' ? 'pending' : 'none';
  // The file's facts other than the monitoring status: one 'import' entry per created or changed household.
  await tx.execute(sql`INSERT INTO registry_change (county_code, household_id, village_code, actor_id, actor_name, action, reason, before, after, review_status)
    SELECT s.county_code, s.household_id, s.village_code, ${actor.id || null}::int, ${actor.displayName}, 'import', ${m.reason},
      CASE WHEN s.status = 'create' THEN NULL ELSE d.before END,
      CASE WHEN s.status = 'create' THEN d.after_all || jsonb_build_object('members', s.member_count) ELSE d.after || ${summary} END,
      ${review}
    FROM ${t.households} s
    JOIN household h ON h.id = s.household_id AND h.county_code = s.county_code
    CROSS JOIN LATERAL (SELECT ${factsJson('h', sql`s.prior_phone_masked`)} - ${MONITORING_KEYS} AS b,
      ${factsJson('s', sql`CASE WHEN s.status = 'create' OR s.phone_changed THEN s.phone_masked ELSE s.prior_phone_masked END`)} - ${MONITORING_KEYS} AS a) f
    CROSS JOIN LATERAL (SELECT f.a AS after_all, ${diffOf(sql`f.b`, sql`f.a`)} AS before, ${diffOf(sql`f.a`, sql`f.b`)} AS after) d
    WHERE s.status IN ${WRITTEN} AND (s.status = 'create' OR d.after <> '{}' OR d.before <> '{}' OR ${summary} <> '{}') ORDER BY s.id`);
  // The monitoring status the national export carries: its own entry, marked as imported from the national
  // system (never folded into an edit), for every household whose status the file sets or changes.
  await tx.execute(sql`INSERT INTO registry_change (county_code, household_id, village_code, actor_id, actor_name, action, reason, before, after, review_status)
    SELECT s.county_code, s.household_id, s.village_code, ${actor.id || null}::int, ${actor.displayName}, 'importNational',
      ${`${m.reason}：全国防返贫监测信息系统的监测信息`}, d.before, d.after, ${review}
    FROM ${t.households} s
    JOIN household h ON h.id = s.household_id AND h.county_code = s.county_code
    CROSS JOIN LATERAL (SELECT CASE WHEN s.status = 'create' THEN jsonb_build_object('monitoringType', NULL, 'identificationPeriod', NULL,
        'riskTypes', '[]'::jsonb, 'eliminationPeriod', NULL, 'eliminationMode', NULL) ELSE ${monitoringJson('h')} END AS b, ${monitoringJson('s')} AS a) f
    CROSS JOIN LATERAL (SELECT ${diffOf(sql`f.b`, sql`f.a`)} AS before, ${diffOf(sql`f.a`, sql`f.b`)} AS after) d
    WHERE s.status IN ${WRITTEN} AND d.after <> '{}' ORDER BY s.id`);
}

async function updateHouseholds(tx: Db, t: StageTables): Promise<void> {
  await tx.execute(sql`UPDATE household h SET (${list(HOUSEHOLD_FACTS)}) = (${columnsOf('s', HOUSEHOLD_FACTS)}),
      version = h.version + 1, updated_at = now()
    FROM ${t.households} s WHERE s.status = 'update' AND h.id = s.household_id`);
}

/** New people with every column; existing ones only where the file says something different. */
async function upsertPersons(tx: Db, t: StageTables, present: PresentColumns): Promise<void> {
  const all = newPersonColumns();
  const stated = personFactsOf(present).person;
  const updates = sql.join(
    stated.map((c) => sql`${id(c)} = excluded.${id(c)}`),
    sql`, `,
  );
  await tx.execute(sql`INSERT INTO person (county_code, id_hash, id_cipher, ${list(all.person)})
    SELECT m.county_code, m.id_hash, m.id_cipher, ${sql.join(all.values, sql`, `)}
    FROM ${t.members} m JOIN ${t.households} s ON s.id = m.household_ref
    WHERE s.status IN ${WRITTEN}
      AND (m.person_changed OR NOT EXISTS (SELECT 1 FROM person p WHERE p.county_code = m.county_code AND p.id_hash = m.id_hash))
    ORDER BY m.id
    ON CONFLICT (county_code, id_hash) DO UPDATE SET ${updates}, updated_at = now()`);
}

/** Ends memberships no longer listed (or listed with another relationship), then adds the new ones. */
async function replaceMemberships(tx: Db, t: StageTables, m: MergeContext): Promise<void> {
  await tx.execute(sql`UPDATE membership ms SET valid_to = ${m.today}, end_reason = ${m.reason}
    FROM ${t.households} s
    WHERE s.status = 'update' AND ms.county_code = s.county_code AND ms.household_id = s.household_id AND ms.valid_to IS NULL
      AND NOT EXISTS (SELECT 1 FROM ${t.members} x JOIN ${personOf('x')}
        WHERE x.household_ref = s.id AND p.id = ms.person_id AND x.relationship = ms.relationship)`);
  // A person joining from a household the checks allowed to lose them; also guards the one-active-household index.
  await tx.execute(sql`UPDATE membership ms SET valid_to = ${m.today}, end_reason = ${m.reason}
    FROM ${t.members} x JOIN ${t.households} s ON s.id = x.household_ref JOIN ${personOf('x')}
    WHERE s.status IN ${WRITTEN} AND NOT x.kept AND ms.county_code = p.county_code AND ms.person_id = p.id
      AND ms.valid_to IS NULL AND ms.household_id <> s.household_id`);
  await tx.execute(sql`INSERT INTO membership (county_code, household_id, person_id, relationship, valid_from)
    SELECT x.county_code, s.household_id, p.id, x.relationship, ${m.today}::date
    FROM ${t.members} x JOIN ${t.households} s ON s.id = x.household_ref JOIN ${personOf('x')}
    WHERE s.status IN ${WRITTEN} AND NOT coalesce(x.kept, false) ORDER BY x.household_ref, x.row`);
}

async function upsertIncomes(tx: Db, t: StageTables): Promise<void> {
  const amounts = [...INCOME_AMOUNTS];
  const updates = sql.join(
    [...amounts, 'household_size'].map((c) => sql`${id(c)} = excluded.${id(c)}`),
    sql`, `,
  );
  await tx.execute(sql`INSERT INTO household_income (county_code, household_id, year, ${list(amounts)}, household_size)
    SELECT s.county_code, s.household_id, s.income_year, ${columnsOf('s', amounts)}, s.member_count
    FROM ${t.households} s WHERE s.status IN ${WRITTEN} AND s.income_changed ORDER BY s.id
    ON CONFLICT (household_id, year) DO UPDATE SET ${updates}, updated_at = now()`);
}

export async function mergeIntoRegistry(tx: Db, t: StageTables, m: MergeContext): Promise<void> {
  await insertHouseholds(tx, t);
  await recordChanges(tx, t, m);
  await updateHouseholds(tx, t);
  await upsertPersons(tx, t, m.present);
  // The joins below find people by hash among the rows just written: the planner must know they are there.
  await analyzeRegistry(tx, ['household', 'person']);
  await replaceMemberships(tx, t, m);
  await upsertIncomes(tx, t);
}
