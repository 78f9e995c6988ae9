import { formatFen, type Fen } from '../money.ts';
import { labelOf, MONITORING_TYPES, type HouseholdKind, type MonitoringType } from '../registry/codes.ts';
import { SUDDEN_BURDEN_CATEGORIES, warningCategory } from './categories.ts';
import { withinRange as isWithinRange } from './income-line.ts';

// Which monitoring type (监测对象类型, policy-rules §1.2) the facts point to. A suggestion for the
// person deciding, never a decision: identification still goes through verification, 评议 and 公示.
//   脱贫户 with per-capita income within the range (≤ the line)  → 脱贫不稳定户 (unstable)
//   一般农户 within the range                                    → 边缘易致贫户 (edge)
//   either kind above the range, with a sudden large burden      → 突发严重困难户 (suddenHardship)
//   otherwise                                                    → none
// An exclusion flag (public payroll, company, vehicle) never rejects (应纳尽纳): it only asks for a
// written reason before the case proceeds.

export interface FiredWarning {
  ruleCode: string;
  riskType?: string | null;
}

export interface SuggestionInput {
  kind: HouseholdKind;
  /** The per-capita figure compared with the line (net or adjusted, as the parameter says); null when no income is on record. */
  perCapitaFen: Fen | null;
  incomeYear: number | null;
  lineFen: Fen | null;
  /** The household's current monitoring type, if it is already monitored. */
  currentType?: MonitoringType | null;
  fired: readonly FiredWarning[];
}

export interface Suggestion {
  type: MonitoringType | null;
  /** The within-range test: true / false, or null when it cannot be decided. */
  withinRange: boolean | null;
  /** Category codes of the sudden burdens that were found. */
  burdens: string[];
  needsWrittenReason: boolean;
  reasonZh: string;
}

const KIND_ZH: Record<HouseholdKind, string> = { alleviated: '脱贫户', ordinary: '一般农户' };

function isBurden(w: FiredWarning): boolean {
  return (SUDDEN_BURDEN_CATEGORIES as readonly string[]).includes(w.ruleCode) || w.riskType === 'accident';
}

export function suggestMonitoringType(input: SuggestionInput): Suggestion {
  const burdens = [...new Set(input.fired.filter(isBurden).map((w) => w.ruleCode))];
  const needsWrittenReason = input.fired.some((w) => w.ruleCode === 'EXCLUSION_FLAG');
  const known = input.perCapitaFen !== null && input.lineFen !== null;
  const withinRange = known ? isWithinRange(input.perCapitaFen!, input.lineFen!) : null;

  let type: MonitoringType | null = null;
  if (withinRange === true) type = input.kind === 'alleviated' ? 'unstable' : 'edge';
  else if (withinRange === false && burdens.length > 0) type = 'suddenHardship';

  const parts: string[] = [KIND_ZH[input.kind]];
  if (known) {
    const relation = withinRange ? '不高于' : '高于';
    parts.push(
      `${input.incomeYear ?? ''}年人均纯收入 ${formatFen(input.perCapitaFen!)} 元，${relation}监测标准 ${formatFen(input.lineFen!)} 元（${withinRange ? '在' : '超出'}监测范围${withinRange ? '内' : ''}）`,
    );
  } else {
    parts.push(
      input.perCapitaFen === null
        ? '无收入记录，无法判断是否在监测范围内，请先核实收入'
        : '未设置监测标准，无法判断是否在监测范围内',
    );
  }
  if (burdens.length > 0)
    parts.push(`发现突发大额支出或收入骤减：${burdens.map((c) => warningCategory(c)?.nameZh ?? c).join('、')}`);
  parts.push(type ? `建议识别为${labelOf(MONITORING_TYPES, type)}` : known ? '暂不建议纳入监测' : '暂不能给出类型建议');
  if (input.currentType) parts.push(`该户现为${labelOf(MONITORING_TYPES, input.currentType)}`);
  if (needsWrittenReason) parts.push('存在财政供养/企业/车辆等核查提示：不作否决，继续办理须填写书面说明');
  return { type, withinRange, burdens, needsWrittenReason, reasonZh: parts.join('；') + '。' };
}
