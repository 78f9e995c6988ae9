import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '#server/db/connect.ts';
import type { StageTables } from './staging.ts';

// A column the file does not have leaves that field as the registry holds it (an empty cell in a
// column that is there clears it). Household facts are filled in from the registry before the
// household rules run, which need them whole; households named only in 家庭成员 take all their facts
// from the registry. People need no filling: their absent columns are simply neither compared nor
// written (see personFactsOf), and no person rule reads them.

export interface PresentColumns {
  households: ReadonlySet<string>;
  members: ReadonlySet<string>;
  householdExtra: boolean;
  memberExtra: boolean;
}

/** Registry column ← the workbook column that feeds it ('extra' = any unknown column). */
const HOUSEHOLD_FILLS: readonly (readonly [string, string])[] = [
  ['village_code', 'village_code'],
  ['kind', 'kind'],
  ['alleviated_attribute', 'alleviated_attribute'],
  ['monitoring_type', 'monitoring_type'],
  ['identification_period', 'identification_period'],
  ['risk_types', 'risk_types'],
  ['elimination_period', 'elimination_period'],
  ['elimination_mode', 'elimination_mode'],
  ['phone_cipher', 'phone'],
  ['address', 'address'],
  ['housing_grade', 'housing_grade'],
  ['water_safe', 'water_safe'],
  ['housing_unsafe', 'housing_unsafe'],
  ['school_dropout', 'school_dropout'],
  ['medical_uninsured', 'medical_uninsured'],
  ['extra', 'extra'],
];

export const INCOME_AMOUNTS = [
  'wage_income',
  'business_income',
  'property_income',
  'transfer_income',
  'business_cost',
  'insurance_payout',
  'eligible_out_of_pocket',
] as const;

const id = (name: string) => sql.identifier(name);
const qualified = (table: string, name: string) => sql`${id(table)}.${id(name)}`;
const fromRegistry = (columns: readonly string[]): SQL =>
  sql.join(
    columns.map((c) => sql`${id(c)} = ${qualified('r', c)}`),
    sql`, `,
  );

export async function fillAbsentFromRegistry(db: Db, t: StageTables, present: PresentColumns): Promise<void> {
  const all = HOUSEHOLD_FILLS.map(([col]) => col);
  await db.execute(
    sql`UPDATE ${t.households} s SET ${fromRegistry(all)} FROM household r WHERE s.row IS NULL AND r.id = s.household_id`,
  );

  const absent = HOUSEHOLD_FILLS.filter(([, key]) =>
    key === 'extra' ? !present.householdExtra : !present.households.has(key),
  ).map(([col]) => col);
  if (absent.length > 0) {
    await db.execute(
      sql`UPDATE ${t.households} s SET ${fromRegistry(absent)} FROM household r WHERE s.row IS NOT NULL AND r.id = s.household_id`,
    );
  }

  // Absent amount columns are staged as NULL (an empty cell is 0): the registry's figure for that year, else 0.
  const absentAmounts = INCOME_AMOUNTS.filter((a) => !present.households.has(a));
  if (absentAmounts.length > 0) {
    const keep = sql.join(
      absentAmounts.map((a) => sql`${id(a)} = coalesce(${qualified('r', a)}, 0)`),
      sql`, `,
    );
    await db.execute(
      sql`UPDATE ${t.households} s SET ${keep} FROM household_income r WHERE r.household_id = s.household_id AND r.year = s.income_year`,
    );
    const zero = sql.join(
      absentAmounts.map((a) => sql`${id(a)} = coalesce(${id(a)}, 0)`),
      sql`, `,
    );
    await db.execute(sql`UPDATE ${t.households} SET ${zero} WHERE income_year IS NOT NULL`);
  }
}
