import { sql } from 'drizzle-orm';
import { maskPhone } from '#common/domain/id-card.ts';
import type { IsoDate } from '#common/domain/period.ts';
import { validateHousehold, type FieldError } from '#common/domain/registry/validation.ts';
import { queryRows, type Db } from '#server/db/connect.ts';
import type { PersonalDataBox } from '#server/lib/crypto.ts';
import { formatCell } from './ledger-cells.ts';
import { COLUMNS_OF, type SheetKey } from './ledger-columns.ts';
import { householdOfRow, memberOfRow } from './row-to-domain.ts';
import { ERROR_STAGE_FIELDS, insertStaged, type StageTables, type StagedProblem } from './staging.ts';

// The household rules of the pure domain (validateHousehold) over every staged household, read in
// key-range batches with their members. IDs are decrypted in memory only for the rules. The same
// pass tells which phones really changed: AES-GCM ciphers differ on every encryption, so SQL cannot
// compare them; the registry's number is decrypted and its keyed hash compared with the staged one.

type Row = Record<string, unknown>;

const BATCH = 1000;

/** validateHousehold's field paths → workbook column keys. */
const HOUSEHOLD_FIELDS: Record<string, string> = {
  householdNo: 'household_no',
  villageCode: 'village_code',
  headName: 'head_name',
  headIdNumber: 'head_id',
  kind: 'kind',
  alleviatedAttribute: 'alleviated_attribute',
  monitoringType: 'monitoring_type',
  identificationPeriod: 'identification_period',
  riskTypes: 'risk_types',
  elimination: 'elimination_period',
  'elimination.period': 'elimination_period',
  'elimination.mode': 'elimination_mode',
  housingGrade: 'housing_grade',
  members: 'household_no',
  'income.year': 'income_year',
  'income.wageIncome': 'wage_income',
  'income.businessIncome': 'business_income',
  'income.propertyIncome': 'property_income',
  'income.transferIncome': 'transfer_income',
  'income.businessCost': 'business_cost',
  'income.insurancePayout': 'insurance_payout',
  'income.eligibleOutOfPocket': 'eligible_out_of_pocket',
};
const MEMBER_FIELDS: Record<string, string> = {
  name: 'name',
  idNumber: 'id',
  relationship: 'relationship',
  ethnicity: 'ethnicity',
  politicalStatus: 'political_status',
  education: 'education',
  schooling: 'schooling',
  health: 'health',
  disabilityCategory: 'disability_category',
  disabilityGrade: 'disability_grade',
  labourSkill: 'labour_skill',
  workMonths: 'work_months',
  workPlace: 'work_place',
};

function cellValue(sheet: SheetKey, key: string, staged: Row): string {
  if (key === 'id' || key === 'head_id') return String(staged[`${key}_masked`] ?? '');
  const column = COLUMNS_OF[sheet].find((c) => c.key === key)!;
  return String(formatCell(column.kind, staged[key]) ?? '');
}

/** "第2名成员：…" says which member; the row number already does. */
const withoutMemberPrefix = (text: string) => text.replace(/^第\d+名成员：/, '').replace(/^Member \d+: /, '');

function locate(error: FieldError, h: Row, members: Row[]): StagedProblem | null {
  const memberPath = /^members\[(\d+)\]\.(\w+)$/.exec(error.field);
  const member = memberPath ? members[Number(memberPath[1])] : undefined;
  const householdNo = String(h.household_no);
  const at = (sheet: SheetKey, key: string, staged: Row): StagedProblem => ({
    sheet,
    row: Number(staged.row),
    col: COLUMNS_OF[sheet].find((c) => c.key === key)!.header,
    col_index: COLUMNS_OF[sheet].findIndex((c) => c.key === key),
    value: cellValue(sheet, key, staged),
    reason: withoutMemberPrefix(error.messageZh),
    reason_en: withoutMemberPrefix(error.messageEn),
    household_no: householdNo,
  });
  if (member) return MEMBER_FIELDS[memberPath![2]] ? at('members', MEMBER_FIELDS[memberPath![2]], member) : null;
  const key = HOUSEHOLD_FIELDS[error.field];
  if (!key) return null;
  if (h.row !== null) return at('households', key, h);
  // No 户信息 row: the household's facts came from the registry; point at its first member row.
  if (error.code === 'headNotInMembers' || error.code === 'headNameMismatch' || !members[0]) return null;
  return at('members', 'household_no', members[0]);
}

/** Compared through the keyed hash: the staged cipher is never decrypted, the registry's once. */
function phoneChanged(
  stagedHash: unknown,
  priorCipher: unknown,
  box: PersonalDataBox,
): { changed: boolean; prior: string | null } {
  const prior = priorCipher ? box.decrypt(String(priorCipher)) : null;
  return { changed: (prior === null ? null : box.hash(prior)) !== (stagedHash ?? null), prior };
}

export interface CompositionContext {
  today: IsoDate;
  box: PersonalDataBox;
  /** Whether the file has the 联系电话 columns; without them the registry's phones stay as they are. */
  phones: { households: boolean; members: boolean };
}

const HOUSEHOLD_READ =
  sql.raw(`s.id, s.row, s.household_no, s.household_id, s.village_code, s.head_name, s.head_id_cipher, s.head_id_masked,
  s.kind, s.alleviated_attribute, s.monitoring_type, s.identification_period, s.risk_types, s.elimination_period, s.elimination_mode,
  s.address, s.housing_grade, s.water_safe, s.school_dropout, s.housing_unsafe, s.medical_uninsured, s.phone_hash, s.income_year,
  s.wage_income, s.business_income, s.property_income, s.transfer_income, s.business_cost, s.insurance_payout, s.eligible_out_of_pocket`);
const MEMBER_READ =
  sql.raw(`m.id, m.row, m.household_ref, m.household_no, m.name, m.id_cipher, m.id_masked, m.relationship, m.ethnicity,
  m.political_status, m.education, m.schooling, m.health, m.disability_category, m.disability_grade, m.labour_skill, m.work_months,
  m.work_place, m.phone_hash`);

export async function checkCompositions(
  db: Db,
  t: StageTables,
  ctx: CompositionContext,
  progress: (done: number) => Promise<void>,
): Promise<void> {
  let after = 0;
  let done = 0;
  for (;;) {
    const households = await queryRows<Row>(
      db,
      sql`SELECT ${HOUSEHOLD_READ}, r.phone_cipher AS prior_phone_cipher FROM ${t.households} s
      LEFT JOIN household r ON r.id = s.household_id AND r.county_code = s.county_code WHERE s.id > ${after} ORDER BY s.id LIMIT ${BATCH}`,
    );
    if (households.length === 0) return;
    const last = Number(households[households.length - 1].id);
    const members = await queryRows<Row>(
      db,
      sql`SELECT ${MEMBER_READ}, p.id AS person_id, p.phone_cipher AS prior_phone_cipher FROM ${t.members} m
      LEFT JOIN person p ON p.county_code = m.county_code AND p.id_hash = m.id_hash
      WHERE m.household_ref > ${after} AND m.household_ref <= ${last} ORDER BY m.household_ref, m.row`,
    );
    const byHousehold = new Map<number, Row[]>();
    for (const m of members) {
      const list = byHousehold.get(Number(m.household_ref)) ?? [];
      list.push(m);
      byHousehold.set(Number(m.household_ref), list);
    }
    const problems: StagedProblem[] = [];
    const householdPhones: { id: number; prior_phone_masked: string | null }[] = [];
    const memberPhones: { id: number }[] = [];
    for (const h of households) {
      const staged = byHousehold.get(Number(h.id)) ?? [];
      const domainMembers = staged.map((m) => memberOfRow(m, ctx.box, false));
      // A household staged without a 户信息 row takes its head from its members.
      const head = h.row === null ? domainMembers.find((m) => m.relationship === 'head') : undefined;
      const household = householdOfRow(h, ctx.box, { head, withPhone: false });
      for (const error of validateHousehold(household, domainMembers, { today: ctx.today })) {
        const located = locate(error, h, staged);
        if (located) problems.push(located);
      }
      if (ctx.phones.households && h.row !== null && h.household_id !== null) {
        const phone = phoneChanged(h.phone_hash, h.prior_phone_cipher, ctx.box);
        if (phone.changed)
          householdPhones.push({
            id: Number(h.id),
            prior_phone_masked: phone.prior === null ? null : maskPhone(phone.prior),
          });
      }
      for (const m of ctx.phones.members ? staged : []) {
        const known = m.person_id !== null && (m.prior_phone_cipher !== null || m.phone_hash !== null);
        if (known && phoneChanged(m.phone_hash, m.prior_phone_cipher, ctx.box).changed)
          memberPhones.push({ id: Number(m.id) });
      }
    }
    await insertStaged(db, t.errors, ERROR_STAGE_FIELDS, problems);
    await markPhonesChanged(db, t, householdPhones, memberPhones);
    after = last;
    done += households.length;
    await progress(done);
  }
}

/** Only the few rows whose number really changed are written. */
async function markPhonesChanged(db: Db, t: StageTables, households: object[], members: object[]): Promise<void> {
  if (households.length > 0) {
    await db.execute(sql`UPDATE ${t.households} s SET phone_changed = true, prior_phone_masked = x.prior_phone_masked
      FROM jsonb_to_recordset(${JSON.stringify(households)}::jsonb) AS x(id int, prior_phone_masked text) WHERE s.id = x.id`);
  }
  if (members.length > 0) {
    await db.execute(sql`UPDATE ${t.members} m SET phone_changed = true
      FROM jsonb_to_recordset(${JSON.stringify(members)}::jsonb) AS x(id int) WHERE m.id = x.id`);
  }
}
