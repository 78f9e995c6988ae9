import { LABOUR_CAPABLE_SKILLS, type LabourSkill } from '../registry/codes.ts';
import type { IsoDate } from '../period.ts';

// 兜底保障 linkage (沁发〔2021〕17号 §二(二)1 精准施策分类帮扶, §二(三)5 三是): a monitored household none of whose
// members has labour ability (registry labour skill 丧失/无劳动力, i.e. not 技能/普通/弱) is to be covered by 低保 or
// 特困 ("对脱贫人口中完全丧失劳动能力…纳入农村低保或特困人员救助供养范围"). A member counts as covered on a day when
// the registry marks him 低保/特困, a 民政 feed record says 纳入低保/纳入特困 on or before that day, or an entry of
// kind 低保/特困/单人保 runs on that day (单人保 places the person in 低保 or 特困 by the plan's own words).

export const BENEFIT_KINDS = [
  'minimumLiving',
  'destitute',
  'singlePerson',
  'temporaryRelief',
  'disabilityAllowance',
  'medicalPremium',
  'pensionContribution',
] as const;
export type BenefitKind = (typeof BENEFIT_KINDS)[number];

/** The kinds that cover a household without labour (兜底). */
export const COVERING_KINDS: readonly BenefitKind[] = ['minimumLiving', 'destitute', 'singlePerson'];

export interface BenefitSpell {
  kind: BenefitKind;
  startOn: IsoDate;
  endOn: IsoDate | null;
}

export interface MemberFacts {
  labourSkill: string | null;
  /** Registry flags 低保 / 特困. */
  minimumLiving: boolean;
  destituteSupport: boolean;
  /** Entries and feed records, as spells (a feed record: from its day, open). */
  benefits: readonly BenefitSpell[];
}

export const runsOn = (b: BenefitSpell, day: IsoDate) => b.startOn <= day && (b.endOn === null || b.endOn >= day);

export function memberCovered(m: MemberFacts, day: IsoDate): boolean {
  return (
    m.minimumLiving || m.destituteSupport || m.benefits.some((b) => COVERING_KINDS.includes(b.kind) && runsOn(b, day))
  );
}

export const hasLabour = (m: Pick<MemberFacts, 'labourSkill'>) =>
  LABOUR_CAPABLE_SKILLS.includes(m.labourSkill as LabourSkill);

/** 无劳动能力 and not covered by 低保 or 特困: the flag of 精准施策分类帮扶. Only monitored households with members. */
export function uncoveredWithoutLabour(
  h: { monitored: boolean; members: readonly MemberFacts[] },
  day: IsoDate,
): boolean {
  if (!h.monitored || h.members.length === 0) return false;
  if (h.members.some(hasLabour)) return false;
  return !h.members.some((m) => memberCovered(m, day));
}
