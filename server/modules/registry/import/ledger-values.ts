import type { Household, Member } from '#common/domain/registry/household.ts';
import { formatCell } from './ledger-cells.ts';
import { HOUSEHOLD_COLUMNS, MEMBER_COLUMNS, type LedgerColumn } from './ledger-columns.ts';

// A household of the pure domain as workbook cells, in column order: what the export writes and the
// demo loader feeds into the import, so both go through the same columns and the same cell checks.

function cells(columns: readonly LedgerColumn[], values: Record<string, unknown>): (string | number | null)[] {
  return columns.map((c) => formatCell(c.kind, values[c.key]));
}

export function householdCells(h: Household): (string | number | null)[] {
  const income = h.income;
  return cells(HOUSEHOLD_COLUMNS, {
    village_code: h.villageCode,
    household_no: h.householdNo,
    head_name: h.headName,
    head_id: h.headIdNumber,
    kind: h.kind,
    alleviated_attribute: h.alleviatedAttribute,
    monitoring_type: h.monitoringType,
    identification_period: h.identificationPeriod,
    risk_types: h.riskTypes,
    elimination_period: h.elimination?.period ?? null,
    elimination_mode: h.elimination?.mode ?? null,
    phone: h.phone,
    address: h.address,
    housing_grade: h.housingGrade,
    water_safe: h.waterSafe,
    housing_unsafe: h.basicNeeds.housingUnsafe,
    school_dropout: h.basicNeeds.schoolDropout,
    medical_uninsured: h.basicNeeds.medicalUninsured,
    income_year: income?.year ?? null,
    wage_income: income?.wageIncome ?? null,
    business_income: income?.businessIncome ?? null,
    property_income: income?.propertyIncome ?? null,
    transfer_income: income?.transferIncome ?? null,
    business_cost: income?.businessCost ?? null,
    insurance_payout: income?.insurancePayout ?? null,
    eligible_out_of_pocket: income?.eligibleOutOfPocket ?? null,
  });
}

export function memberCells(householdNo: string, m: Member): (string | number | null)[] {
  return cells(MEMBER_COLUMNS, {
    household_no: householdNo,
    name: m.name,
    id: m.idNumber,
    relationship: m.relationship,
    ethnicity: m.ethnicity,
    political_status: m.politicalStatus,
    education: m.education,
    schooling: m.schooling,
    health: m.health,
    disability_category: m.disabilityCategory,
    disability_grade: m.disabilityGrade,
    labour_skill: m.labourSkill,
    work_months: m.workMonths,
    work_place: m.workPlace,
    resident_medical_insurance: m.residentMedicalInsurance,
    employee_medical_insurance: m.employeeMedicalInsurance,
    minimum_living: m.minimumLiving,
    destitute_support: m.destituteSupport,
    public_welfare_post: m.publicWelfarePost,
    phone: m.phone,
  });
}

export const householdHeaders = (): string[] => HOUSEHOLD_COLUMNS.map((c) => c.header);
export const memberHeaders = (): string[] => MEMBER_COLUMNS.map((c) => c.header);
