import { ageOn } from '../id-card.ts';
import { LABOUR_CAPABLE_SKILLS, type LabourSkill } from '../registry/codes.ts';

// Who may be hired on a 公益岗位 (沁发〔2021〕17号 §二(三)2 四是 以岗聘任; policy-rules §4.3, §3.6):
// - a member of a 脱贫户 or of a household under monitoring (监测对象, not eliminated);
// - with labour ability (技能, 普通, 弱或半劳动力: the national "劳动力", §1.7);
// - aged from `posts.minHireAge` to `posts.maxHireAge` inclusive on the hire date (completed years);
// - the household holds fewer than `posts.maxPerHousehold` posts at the moment;
// - not declared a family member of a village cadre (清水县 rule, §4.3): the registry does not know cadres,
//   so the hire carries the declaration.

export interface HireFacts {
  householdKind: 'alleviated' | 'ordinary';
  monitoringStatus: 'none' | 'monitored' | 'eliminated' | null;
  labourSkill: LabourSkill | string;
  birthDate: string | null;
  hiredOn: string;
  /** Posts the household holds now (active hires), this hire not counted. */
  activeHiresInHousehold: number;
  /** The person already holds an active post. */
  personHasPost: boolean;
  cadreFamily: boolean;
}

export interface HireLimits {
  minHireAge: number;
  maxHireAge: number;
  maxPerHousehold: number;
}

export interface RuleError {
  field: string;
  messageZh: string;
  messageEn: string;
}

export function hireErrors(f: HireFacts, limits: HireLimits): RuleError[] {
  const errors: RuleError[] = [];
  const target = f.householdKind === 'alleviated' || f.monitoringStatus === 'monitored';
  if (!target)
    errors.push({
      field: 'personId',
      messageZh: '公益岗位聘用对象须为脱贫户或监测对象家庭成员',
      messageEn: 'The person must belong to an alleviated or monitored household',
    });
  if (!(LABOUR_CAPABLE_SKILLS as readonly string[]).includes(f.labourSkill))
    errors.push({
      field: 'personId',
      messageZh: '聘用对象须有劳动能力（技能、普通或弱/半劳动力）',
      messageEn: 'The person must have labour ability',
    });
  if (!f.birthDate) {
    errors.push({
      field: 'personId',
      messageZh: '缺少出生日期，无法核对年龄',
      messageEn: 'No birth date: the age cannot be checked',
    });
  } else if (f.hiredOn >= f.birthDate) {
    const age = ageOn(f.birthDate, f.hiredOn);
    if (age < limits.minHireAge)
      errors.push({
        field: 'hiredOn',
        messageZh: `聘用时未满 ${limits.minHireAge} 周岁（${age} 岁）`,
        messageEn: `Under ${limits.minHireAge} at hire (${age})`,
      });
    if (age > limits.maxHireAge)
      errors.push({
        field: 'hiredOn',
        messageZh: `聘用时超过 ${limits.maxHireAge} 周岁（${age} 岁）`,
        messageEn: `Older than ${limits.maxHireAge} at hire (${age})`,
      });
  } else {
    errors.push({ field: 'hiredOn', messageZh: '聘用日期早于出生日期', messageEn: 'Hired before birth' });
  }
  if (f.personHasPost)
    errors.push({ field: 'personId', messageZh: '此人已在公益岗位上', messageEn: 'The person already holds a post' });
  if (f.activeHiresInHousehold >= limits.maxPerHousehold)
    errors.push({
      field: 'personId',
      messageZh: `每户在岗人数不超过 ${limits.maxPerHousehold} 人，本户已有 ${f.activeHiresInHousehold} 人在岗`,
      messageEn: `At most ${limits.maxPerHousehold} post(s) per household; it holds ${f.activeHiresInHousehold}`,
    });
  if (f.cadreFamily)
    errors.push({
      field: 'cadreFamily',
      messageZh: '村干部家属不得聘用为公益岗位人员',
      messageEn: "A village cadre's family member may not be hired",
    });
  return errors;
}

/** 在岗领补: a month's record — days within the month, subsidy not above the post's monthly subsidy. */
export function monthErrors(
  m: { period: string; daysWorked: number; subsidyFen: number },
  monthlySubsidyFen: number,
): RuleError[] {
  const errors: RuleError[] = [];
  const [y, mo] = m.period.split('-').map(Number);
  const days = new Date(Date.UTC(y, mo, 0)).getUTCDate();
  if (m.daysWorked > days)
    errors.push({
      field: 'daysWorked',
      messageZh: `出勤天数不能超过当月天数 ${days}`,
      messageEn: `Days worked exceed the ${days} days of the month`,
    });
  if (m.subsidyFen > monthlySubsidyFen)
    errors.push({
      field: 'subsidyFen',
      messageZh: `发放补贴不能超过岗位月补贴 ${(monthlySubsidyFen / 100).toFixed(2)} 元`,
      messageEn: 'The subsidy exceeds the post’s monthly subsidy',
    });
  return errors;
}
