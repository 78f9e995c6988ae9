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

/**
 * The day an entry ends (迁出, 亡故, 误登记 …): not before its move-in day, not after today (the county's day, China).
 * Returns the problem, or null.
 */
export function endDateProblem(movedOn: string, endedOn: string, today: string): { zh: string; en: string } | null {
  if (endedOn < movedOn) return { zh: '结束日期不能早于入住日期', en: 'The end date is before the move-in date' };
  if (endedOn > today) return { zh: '结束日期不能晚于今天', en: 'The end date is in the future' };
  return null;
}

/**
 * A date as a department sheet writes it (2019-11-15, 2019/11/15, 2019.11.15, 2019年11月15日, 20191115) as
 * YYYY-MM-DD, or null when it is no real calendar day.
 */
export function sheetDate(text: string): string | null {
  const t = text.trim();
  const m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(t) ?? /^(\d{4})(\d{2})(\d{2})$/.exec(t);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return null;
  return `${m[1]}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}
