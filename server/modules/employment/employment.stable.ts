import { isLabourer, monthsEmployed } from '#common/domain/employment/rules.ts';
import type { Db } from '#server/db/connect.ts';
import { membersAndJobsOf } from './employment.repository.ts';
import { employmentParams, spellsByPerson } from './employment.service.ts';

// Stable employment of the members of some households, for other modules (易地搬迁后续扶持 §二(一)4: "有劳动能力的
// 搬迁家庭每户至少一人稳定就业"). The caller checks scope; the reading is the employment rules' (stable: employed in
// at least `employment.stableMonths` of the `employment.stableWindowMonths` months ending with `period`).

export interface MemberEmployment {
  personId: number;
  householdId: number;
  name: string;
  relationship: string;
  labourSkill: string | null;
  labourer: boolean;
  monthsEmployed: number;
  stable: boolean;
}

export async function stableEmploymentOfHouseholds(
  db: Db,
  householdIds: readonly number[],
  countyCode: string,
  period: string,
): Promise<{ members: MemberEmployment[]; stableMonths: number; stableWindowMonths: number }> {
  const p = await employmentParams(db, countyCode, period);
  const { members, jobs } = await membersAndJobsOf(db, householdIds);
  const spells = spellsByPerson(jobs);
  return {
    stableMonths: p.stableMonths,
    stableWindowMonths: p.stableWindowMonths,
    members: members.map((m) => {
      const months = monthsEmployed(spells.get(Number(m.person_id)) ?? [], period, p);
      return {
        personId: Number(m.person_id),
        householdId: Number(m.household_id),
        name: m.name,
        relationship: m.relationship,
        labourSkill: m.labour_skill,
        labourer: isLabourer(m.labour_skill),
        monthsEmployed: months,
        stable: months >= p.stableMonths,
      };
    }),
  };
}
