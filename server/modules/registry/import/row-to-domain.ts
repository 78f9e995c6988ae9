import type { Household, Member } from '#common/domain/registry/household.ts';
import type { PersonalDataBox } from '#server/lib/crypto.ts';

// Staged rows and exported registry rows share the registry's snake_case column names; these turn
// either into the pure domain's shapes (decrypting IDs, and phones when asked) for the rules or the cells.

type Row = Record<string, unknown>;

const text = (v: unknown) => (v === null || v === undefined ? null : String(v));
const decryptOrNull = (v: unknown, box: PersonalDataBox) => (v ? box.decrypt(String(v)) : null);

export function memberOfRow(m: Row, box: PersonalDataBox, withPhone: boolean): Member {
  return {
    name: String(m.name ?? ''),
    idNumber: box.decrypt(String(m.id_cipher)),
    relationship: m.relationship as Member['relationship'],
    ethnicity: m.ethnicity as Member['ethnicity'],
    politicalStatus: m.political_status as Member['politicalStatus'],
    education: m.education as Member['education'],
    schooling: m.schooling as Member['schooling'],
    health: (m.health ?? []) as Member['health'],
    disabilityCategory: m.disability_category as Member['disabilityCategory'],
    disabilityGrade: m.disability_grade as Member['disabilityGrade'],
    labourSkill: m.labour_skill as Member['labourSkill'],
    workMonths: m.work_months === null || m.work_months === undefined ? null : Number(m.work_months),
    workPlace: text(m.work_place),
    publicWelfarePost: Boolean(m.public_welfare_post),
    residentMedicalInsurance: Boolean(m.resident_medical_insurance),
    employeeMedicalInsurance: Boolean(m.employee_medical_insurance),
    minimumLiving: Boolean(m.minimum_living),
    destituteSupport: Boolean(m.destitute_support),
    phone: withPhone ? decryptOrNull(m.phone_cipher, box) : null,
  };
}

/** `head`: take the head's name and ID from this member instead of the row's head_name / head_id_cipher. */
export function householdOfRow(h: Row, box: PersonalDataBox, opts: { head?: Member; withPhone: boolean }): Household {
  const amount = (key: string) => Number(h[key] ?? 0);
  return {
    householdNo: String(h.household_no),
    villageCode: String(h.village_code ?? ''),
    headName: opts.head ? opts.head.name : String(h.head_name ?? ''),
    headIdNumber: opts.head ? opts.head.idNumber : (decryptOrNull(h.head_id_cipher, box) ?? ''),
    kind: h.kind as Household['kind'],
    alleviatedAttribute: h.alleviated_attribute as Household['alleviatedAttribute'],
    monitoringType: h.monitoring_type as Household['monitoringType'],
    identificationPeriod: text(h.identification_period),
    riskTypes: (h.risk_types ?? []) as Household['riskTypes'],
    elimination:
      h.elimination_period || h.elimination_mode
        ? {
            period: h.elimination_period as string,
            mode: h.elimination_mode as NonNullable<Household['elimination']>['mode'],
          }
        : null,
    wholeHouseholdNoLabour: Boolean(h.whole_household_no_labour),
    phone: opts.withPhone ? decryptOrNull(h.phone_cipher, box) : null,
    address: text(h.address),
    housingGrade: h.housing_grade as Household['housingGrade'],
    waterSafe: h.water_safe as boolean | null,
    basicNeeds: {
      schoolDropout: h.school_dropout as boolean | null,
      housingUnsafe: h.housing_unsafe as boolean | null,
      waterUnsafe: h.water_safe === null || h.water_safe === undefined ? null : !h.water_safe,
      medicalUninsured: h.medical_uninsured as boolean | null,
    },
    income:
      h.income_year === null || h.income_year === undefined
        ? null
        : {
            year: Number(h.income_year),
            wageIncome: amount('wage_income'),
            businessIncome: amount('business_income'),
            propertyIncome: amount('property_income'),
            transferIncome: amount('transfer_income'),
            businessCost: amount('business_cost'),
            insurancePayout: amount('insurance_payout'),
            eligibleOutOfPocket: amount('eligible_out_of_pocket'),
          },
  };
}
