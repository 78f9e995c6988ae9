// 易地扶贫搬迁后续扶持 (沁发〔2021〕17号 §二(一)4): "确保有劳动能力的搬迁家庭每户至少一人稳定就业". A relocated household
// with at least one labourer (registry labour skill 技能/普通/弱劳动力) meets the check when at least one member is
// stably employed (the employment rules' reading: employed in `employment.stableMonths` of the last
// `employment.stableWindowMonths` months). A household without labour is outside the check (兜底保障 covers it).

export interface RelocatedMember {
  labourer: boolean;
  stable: boolean;
}

export type RelocationEmploymentStatus = 'met' | 'short' | 'noLabour';

export function relocationEmploymentStatus(members: readonly RelocatedMember[]): RelocationEmploymentStatus {
  if (!members.some((m) => m.labourer)) return 'noLabour';
  return members.some((m) => m.stable) ? 'met' : 'short';
}

/** Short of the check: a labour household where nobody is stably employed. */
export const shortOfStableEmployment = (members: readonly RelocatedMember[]): boolean =>
  relocationEmploymentStatus(members) === 'short';
