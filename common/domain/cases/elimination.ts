import type { IncomeLineAssessment } from '../monitoring/income-line.ts';
import { monthsBetween } from '../period.ts';
import { RISK_TYPES } from '../registry/codes.ts';

const riskZh = (code: string) => RISK_TYPES.find((r) => r.code === code)?.zh ?? code;

// Risk elimination criteria (风险消除, policy-rules §1.8), checked one by one so the screen can show
// which fail. Pure: the service gathers the facts, this decides.
//  1. monitored at least `minMonths` (workflow.minMonthsBeforeElimination)         — 帮扶消除 only
//  2. at least one assistance measure in place (实施中/已完成, started) for its risk — 帮扶消除 only
//  3. per-capita income above the line (common/domain/monitoring/income-line.ts: the figure and the
//     line in force for the month checked, the latest income year not after it; strictly above), the
//     income record recent, and above the line in every month of the last workflow.incomeStableMonths
//     (收入持续稳定, 原则上不少于半年)
//  4. large rigid spending resolved (the village's verification says so) and no open risk clue
//  5. 三保障 and drinking water secure (housing, schooling, medical insurance, water)
//  6. not a whole household without labour ability (整户无劳动能力: keep monitoring)

export type EliminationMode = 'assistedElimination' | 'naturalElimination';

export interface EliminationFacts {
  mode: EliminationMode;
  /** Today's month (YYYY-MM). */
  asOfPeriod: string;
  identificationPeriod: string | null;
  minMonths: number;
  riskTypes: readonly string[];
  /** Counts per risk type of the measures in place (实施中 or 已完成 and started; planned or stopped ones do not count). */
  measuresByRisk: Readonly<Record<string, number>>;
  /** The line's verdict as of asOfPeriod (null: no income record, no size or no line). */
  income: IncomeLineAssessment | null;
  /** 收入持续稳定: the months checked and those in which the household was not above the line (or could not be assessed). */
  incomeStability: { months: number; unstable: readonly string[] };
  /** Recorded by the village at 入户核实: large medical / schooling costs are settled. null = not yet recorded. */
  rigidSpendingResolved: boolean | null;
  openClues: number;
  housingUnsafe: boolean | null;
  schoolDropout: boolean | null;
  medicalUninsured: boolean | null;
  waterSafe: boolean | null;
  wholeHouseholdNoLabour: boolean;
}

export type CriterionCode =
  | 'monitoredMonths'
  | 'assistanceMeasure'
  | 'incomeAboveLine'
  | 'rigidSpending'
  | 'threeGuarantees'
  | 'notWholeNoLabour';

export interface CriterionResult {
  code: CriterionCode;
  labelZh: string;
  labelEn: string;
  /** null: not required for this mode. */
  ok: boolean | null;
  detailZh: string;
}

const yuan = (fen: number) => (fen / 100).toFixed(2);

export function checkElimination(f: EliminationFacts): { ok: boolean; criteria: CriterionResult[] } {
  const assisted = f.mode === 'assistedElimination';
  const out: CriterionResult[] = [];

  const months = f.identificationPeriod ? monthsBetween(f.identificationPeriod, f.asOfPeriod) : null;
  out.push({
    code: 'monitoredMonths',
    labelZh: `纳入监测不少于${f.minMonths}个月`,
    labelEn: `Monitored at least ${f.minMonths} months`,
    ok: assisted ? months !== null && months >= f.minMonths : null,
    detailZh:
      months === null
        ? '无识别监测时间'
        : `${f.identificationPeriod} 纳入监测，已 ${months} 个月${assisted ? '' : '（自然消除不作要求）'}`,
  });

  const covered = f.riskTypes.filter((r) => (f.measuresByRisk[r] ?? 0) > 0);
  const total = Object.values(f.measuresByRisk).reduce((a, b) => a + b, 0);
  out.push({
    code: 'assistanceMeasure',
    labelZh: '针对风险落实至少一项帮扶措施',
    labelEn: 'At least one assistance measure for its risk',
    ok: assisted ? covered.length > 0 : null,
    detailZh: `针对风险的帮扶措施 ${covered.length > 0 ? covered.map((r) => `${riskZh(r)} ${f.measuresByRisk[r]} 项`).join('、') : '无'}（全部措施 ${total} 项）${assisted ? '' : '（自然消除不作要求）'}`,
  });

  const asOfYear = Number(f.asOfPeriod.slice(0, 4));
  const inc = f.income;
  const recent = inc !== null && inc.incomeYear >= asOfYear - 1;
  const above = inc !== null && !inc.within;
  const stable = f.incomeStability.unstable.length === 0;
  const figureZh = inc?.figure === 'adjusted' ? '人均收入（含理赔、扣除合规自付）' : '人均纯收入';
  const stability = stable
    ? `近${f.incomeStability.months}个月均高于当月监测标准`
    : `近${f.incomeStability.months}个月中 ${f.incomeStability.unstable.join('、')} 未高于当月监测标准（或无收入记录、未设标准），收入尚不稳定`;
  out.push({
    code: 'incomeAboveLine',
    labelZh: '收入持续稳定，人均纯收入稳定超过当年监测标准',
    labelEn: "Income stable; per-capita income steadily above the year's line",
    ok: recent && above && stable,
    detailZh:
      inc === null
        ? '无收入记录或未设置监测标准'
        : `${inc.incomeYear}年${figureZh} ${yuan(inc.perCapitaFen)} 元，${f.asOfPeriod} 监测标准 ${yuan(inc.lineFen)} 元${recent ? '' : '（收入记录不是近一年的，请更新）'}；${stability}`,
  });

  out.push({
    code: 'rigidSpending',
    labelZh: '大额刚性支出稳定解决，无未办结风险线索',
    labelEn: 'Large rigid spending resolved; no open risk clue',
    ok: f.rigidSpendingResolved === true && f.openClues === 0,
    detailZh: `${f.rigidSpendingResolved === null ? '入户核实尚未确认' : f.rigidSpendingResolved ? '入户核实确认已解决' : '入户核实认为未解决'}；未办结线索 ${f.openClues} 条`,
  });

  const problems: string[] = [];
  if (f.housingUnsafe !== false) problems.push(f.housingUnsafe === null ? '住房安全未核实' : '住房不安全');
  if (f.schoolDropout !== false) problems.push(f.schoolDropout === null ? '义务教育未核实' : '有失学辍学');
  if (f.medicalUninsured !== false)
    problems.push(f.medicalUninsured === null ? '基本医保未核实' : '有成员未参加基本医保');
  if (f.waterSafe !== true) problems.push(f.waterSafe === null ? '饮水安全未核实' : '饮水不安全');
  out.push({
    code: 'threeGuarantees',
    labelZh: '“三保障”和饮水安全有保障',
    labelEn: 'Housing, schooling, medical insurance and drinking water secure',
    ok: problems.length === 0,
    detailZh: problems.length === 0 ? '住房、义务教育、基本医疗、饮水均有保障' : problems.join('；'),
  });

  out.push({
    code: 'notWholeNoLabour',
    labelZh: '非整户无劳动能力户',
    labelEn: 'Not a whole household without labour ability',
    ok: !f.wholeHouseholdNoLabour,
    detailZh: f.wholeHouseholdNoLabour ? '整户无劳动能力，暂不标注风险消除，继续监测' : '有劳动能力成员',
  });

  return { ok: out.every((c) => c.ok !== false), criteria: out };
}
