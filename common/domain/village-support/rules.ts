import type { TeamRequirement } from './codes.ts';

// Pure rules of 驻村帮扶 (沁发〔2021〕17号 §三(二)): which villages must have a resident team, whether a month's
// attendance meets the county's minimum, and whether a rotation's dates hold together.

export interface VillageFlags {
  keyVillage: boolean;
  relocationSite: boolean;
  weakParty: boolean;
}

/**
 * The reasons a village must have a 第一书记 and 驻村工作队: §三(二) "对巩固拓展脱贫攻坚成果和乡村振兴任务重的村
 * (重点帮扶村)、基层组织力量弱的村、易地扶贫搬迁安置点选派第一书记和驻村工作队；对党组织软弱涣散的村继续选派第一书记".
 * Empty: no team required.
 */
export function teamRequiredFor(flags: VillageFlags): TeamRequirement[] {
  const out: TeamRequirement[] = [];
  if (flags.keyVillage) out.push('keyVillage');
  if (flags.relocationSite) out.push('relocationSite');
  if (flags.weakParty) out.push('weakParty');
  return out;
}

/** A village lacks a team when one is required and none is in the village. */
export function lacksTeam(flags: VillageFlags, hasActiveTeam: boolean): boolean {
  return teamRequiredFor(flags).length > 0 && !hasActiveTeam;
}

/** Days below the monthly minimum (0 when met). */
export function attendanceShortfall(daysInVillage: number, minDays: number): number {
  return Math.max(0, minDays - daysInVillage);
}

export interface FieldError {
  field: string;
  messageZh: string;
  messageEn: string;
}

/** A month's attendance: days within the month's length, the month within the member's time in the village. */
export function attendanceErrors(
  input: { period: string; daysInVillage: number },
  member: { joinedOn: string; leftOn: string | null },
  today: string,
): FieldError[] {
  const errors: FieldError[] = [];
  const [y, m] = input.period.split('-').map(Number);
  const monthDays = new Date(Date.UTC(y, m, 0)).getUTCDate();
  if (!Number.isInteger(input.daysInVillage) || input.daysInVillage < 0 || input.daysInVillage > monthDays)
    errors.push({
      field: 'daysInVillage',
      messageZh: `在村天数须在 0 到 ${monthDays} 之间`,
      messageEn: `Days in the village lie between 0 and ${monthDays}`,
    });
  if (input.period > today.slice(0, 7))
    errors.push({ field: 'period', messageZh: '不能登记未来月份', messageEn: 'The month is in the future' });
  else if (input.period < member.joinedOn.slice(0, 7) || (member.leftOn && input.period > member.leftOn.slice(0, 7)))
    errors.push({
      field: 'period',
      messageZh: '月份须在该队员驻村期间内',
      messageEn: 'The month lies outside the member’s stay',
    });
  return errors;
}

/** Rotation: the old team ends on or after it started and not after today; the next starts on or after that day. */
export function rotationErrors(
  current: { startedOn: string },
  input: { endedOn: string; nextStartedOn?: string },
  today: string,
): FieldError[] {
  const errors: FieldError[] = [];
  if (input.endedOn < current.startedOn || input.endedOn > today)
    errors.push({
      field: 'endedOn',
      messageZh: '撤离日期须在进驻日期之后且不晚于今天',
      messageEn: 'The end date lies between the start date and today',
    });
  if (input.nextStartedOn !== undefined && input.nextStartedOn < input.endedOn)
    errors.push({
      field: 'next.startedOn',
      messageZh: '新工作队进驻日期不能早于上一队撤离日期',
      messageEn: 'The next team starts on or after the previous one ends',
    });
  return errors;
}
