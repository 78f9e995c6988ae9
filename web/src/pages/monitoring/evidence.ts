import { DISASTER_TYPES } from '#common/domain/feeds/attributes.ts';
import { itemLabel } from '#common/domain/feeds/sources.ts';
import { DISABILITY_CATEGORIES, DISABILITY_GRADES, LABOUR_SKILLS } from '#common/domain/registry/codes.ts';
import { CONSENT_METHOD_LABELS, PETITION_KIND_LABELS, scopeLabel } from './labels.ts';
import { formatParamValue, formatRatio, unitOfKey } from './paramFormat.ts';
import { paramSourceText } from '#common/domain/params/source-text.ts';
import { pickIn } from '#web/i18n/useI18n.ts';

// Evidence (a clue signal's or a warning's JSON) as rows a township officer can read: labelled
// keys, money in yuan, ratios in per cent, codes in words, thresholds with their policy source.
// Hashes, ciphertexts and internal person ids are never shown.

export interface EvidenceRow {
  key: string;
  label: string;
  value: string;
  /** Secondary text, e.g. the policy source of a threshold. */
  note?: string;
  children?: EvidenceRow[];
}

export interface ParamInfo {
  label: string;
  unit: string;
}

type L = readonly [string, string];
const LABELS: Record<string, L> = {
  applicantName: ['申请人', 'Applicant'],
  idMasked: ['身份证号', 'ID number'],
  phoneMasked: ['联系电话', 'Phone'],
  registered: ['已在农户台账中', 'In the household registry'],
  reason: ['申请原因', 'Reason'],
  signer: ['签字人', 'Signed by'],
  method: ['签署方式', 'Signed as'],
  visitedOn: ['走访日期', 'Visit date'],
  findings: ['走访情况', 'Findings'],
  photos: ['现场照片', 'Photos'],
  kind: ['类别', 'Kind'],
  receivedOn: ['受理日期', 'Received on'],
  summary: ['内容摘要', 'Summary'],
  period: ['监测月份', 'Month'],
  window: ['数据期间', 'Data period'],
  figure: ['收入口径', 'Income figure'],
  lineFen: ['监测收入标准', 'Monitoring line'],
  incomeYear: ['收入年度', 'Income year'],
  netIncomeFen: ['家庭纯收入', 'Net household income'],
  insurancePayoutFen: ['商业保险理赔', 'Insurance payout'],
  eligibleOutOfPocketFen: ['合规自付支出', 'Eligible out-of-pocket'],
  householdSize: ['家庭人口', 'Household size'],
  perCapitaFen: ['人均纯收入', 'Per-capita income'],
  previousYear: ['上一年度', 'Previous year'],
  previousPerCapitaFen: ['上年人均纯收入', 'Previous per-capita income'],
  dropRatio: ['收入降幅', 'Income drop'],
  dropRatioThreshold: ['降幅预警线', 'Drop threshold'],
  householdKind: ['农户类型', 'Household kind'],
  inpatientFen: ['个人住院自付年度累计（最高者）', 'Inpatient out-of-pocket this year (highest member)'],
  inpatientByPerson: ['各成员住院自付累计', 'Inpatient out-of-pocket per member'],
  yearFrom: ['累计起始日', 'Counted from'],
  inpatientRecords: ['住院记录', 'Inpatient records'],
  inpatientThresholdFen: ['住院自付预警线', 'Inpatient threshold'],
  inpatientThresholdParam: ['适用的预警线', 'Threshold used'],
  outpatientMonthFen: ['本月门诊自付', 'Outpatient this month'],
  outpatientMonthlyThresholdFen: ['门诊月度预警线', 'Outpatient monthly threshold'],
  thresholdFen: ['预警线', 'Threshold'],
  costFen: ['学生本学年教育自付（最高者）', 'Education cost this school year (highest student)'],
  costByPerson: ['各学生教育自付', 'Education cost per student'],
  schoolYearFrom: ['学年起始日', 'School year from'],
  rigidSpending: ['刚性支出与上年收入', 'Rigid spending against last income'],
  medicalFen: ['本年医疗自付', 'Medical out-of-pocket this year'],
  educationFen: ['本年教育自付', 'Education cost this year'],
  totalFen: ['刚性支出合计', 'Rigid spending total'],
  ratio: ['超过收入的倍数', 'Ratio of income'],
  exceedsIncome: ['刚性支出超过上年收入', 'Rigid spending exceeds income'],
  personId: ['成员', 'Member'],
  fen: ['金额', 'Amount'],
  from: ['起始日', 'From'],
  students: ['学生人数', 'Students'],
  registryFlag: ['台账已标记', 'Flagged in the registry'],
  dropoutRecords: ['教育部门辍学记录', 'Dropout records'],
  latestRecordOn: ['最近记录日期', 'Latest record'],
  unsafeGrades: ['视为不安全的等级', 'Unsafe grades'],
  registryGrade: ['台账住房等级', 'Registry housing grade'],
  registryUnsafe: ['台账标记住房不安全', 'Registry: unsafe housing'],
  appraisalGrade: ['住建鉴定等级', 'Appraisal grade'],
  appraisalOn: ['鉴定日期', 'Appraised on'],
  decidedBy: ['判断依据', 'Decided by'],
  registryWaterSafe: ['台账饮水安全', 'Registry: safe water'],
  unsafeWaterRecords: ['饮水不安全记录', 'Unsafe-water records'],
  registryUninsuredPersonIds: ['台账中未参保', 'Uninsured (registry)'],
  reportedUninsuredPersonIds: ['医保部门报告未参保', 'Uninsured (medical bureau)'],
  newSevereDisabilities: ['新增重度残疾', 'New severe disabilities'],
  deceasedLabourers: ['去世的劳动力', 'Deceased labourers'],
  records: ['记录', 'Records'],
  lossFen: ['受灾损失', 'Disaster loss'],
  disasterTypes: ['灾害类型', 'Disaster types'],
  unemployedPersonIds: ['失业登记', 'Registered unemployed'],
  maxGapMonths: ['最长连续断缴', 'Longest contribution gap'],
  jobLossPersonIds: ['就业台账离岗未再就业', 'Left a job, not re-employed (employment ledger)'],
  gapThresholdMonths: ['断缴预警月数', 'Gap threshold'],
  needsWrittenReason: ['需书面说明', 'Written reason needed'],
  noteZh: ['说明', 'Note'],
  on: ['日期', 'Date'],
  item: ['事项', 'Item'],
  category: ['残疾类别', 'Category'],
  grade: ['等级', 'Grade'],
  labourSkill: ['劳动能力', 'Labour capacity'],
  attrs: ['附加信息', 'Details'],
  // Last: the parameters in force, with their sources.
  params: ['依据的政策参数', 'Policy parameters used'],
};

const ORDER = Object.keys(LABELS);
const rank = (key: string) =>
  key === 'params' ? ORDER.length + 1 : ORDER.includes(key) ? ORDER.indexOf(key) : ORDER.length;

const HIDDEN = /(Cipher|Hash)$|^personId$|^idHash$/;
const WORDS: Record<string, Record<string, L>> = {
  householdKind: {
    alleviated: ['脱贫户', 'Alleviated'],
    ordinary: ['一般农户', 'Ordinary'],
  },
  decidedBy: {
    appraisal: ['住建部门鉴定', 'Housing appraisal'],
    registry: ['台账记录', 'Registry'],
  },
  figure: {
    net: ['人均纯收入', 'Net per capita'],
    adjusted: ['调整后人均收入', 'Adjusted per capita'],
  },
};
const CODE_LISTS: Record<string, readonly { code: string; zh: string }[]> = {
  labourSkill: LABOUR_SKILLS,
  category: DISABILITY_CATEGORIES,
  grade: DISABILITY_GRADES,
  disasterTypes: DISASTER_TYPES,
};

export interface EvidenceOptions {
  language: string;
  params?: Record<string, ParamInfo>;
}

function labelOf(key: string, options: EvidenceOptions): string {
  const pair = LABELS[key];
  if (pair) return pickIn(options.language, ...pair);
  return options.params?.[key]?.label ?? key;
}

function scalar(key: string, value: unknown, options: EvidenceOptions): string {
  const en = options.language === 'en';
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'boolean') return value ? (en ? 'Yes' : '是') : en ? 'No' : '否';
  if (typeof value === 'number') {
    if (/Fen$/.test(key)) return formatParamValue(value, 'fen', options.language);
    if (/[rR]atio/.test(key)) return formatRatio(value);
    if (/Months$/.test(key)) return formatParamValue(value, 'months', options.language);
    if (key === 'householdSize' || key === 'students') return `${value} ${en ? '' : '人'}`.trim();
    if (/Records$|^records$/.test(key)) return `${value} ${en ? '' : '条'}`.trim();
    if (key === 'photos') return `${value} ${en ? 'photo(s)' : '张'}`;
    return String(value);
  }
  const text = String(value);
  const word = WORDS[key]?.[text];
  if (word) return word[en ? 1 : 0];
  if (key === 'kind' && text in PETITION_KIND_LABELS)
    return PETITION_KIND_LABELS[text as keyof typeof PETITION_KIND_LABELS][en ? 'en' : 'zh'];
  if (key === 'method' && text in CONSENT_METHOD_LABELS)
    return CONSENT_METHOD_LABELS[text as keyof typeof CONSENT_METHOD_LABELS][en ? 'en' : 'zh'];
  if (key === 'item') return itemLabel(text);
  if (key === 'inpatientThresholdParam') return options.params?.[text]?.label ?? text;
  const code = CODE_LISTS[key]?.find((entry) => entry.code === text);
  return code ? code.zh : text;
}

/** One policy parameter as the rule used it: its value and where the value comes from. */
function paramRow(key: string, raw: unknown, options: EvidenceOptions): EvidenceRow {
  const label = labelOf(key, options);
  if (!raw || typeof raw !== 'object')
    return {
      key,
      label,
      value: pickIn(options.language, '未设置', 'not set'),
    };
  const p = raw as {
    value?: unknown;
    source?: string;
    scopeCode?: string;
    effectiveFrom?: string;
    fallbackFromYear?: number;
  };
  const unit = options.params?.[key]?.unit ?? unitOfKey(key);
  const en = options.language === 'en';
  const where = [
    p.scopeCode ? scopeLabel(p.scopeCode, options.language) : null,
    p.effectiveFrom ? (en ? `from ${p.effectiveFrom}` : `${p.effectiveFrom} 起`) : null,
  ]
    .filter(Boolean)
    .join(en ? ', ' : '，');
  const fallback = p.fallbackFromYear
    ? en
      ? `; using the ${p.fallbackFromYear} value`
      : `；沿用 ${p.fallbackFromYear} 年标准`
    : '';
  const source = p.source ? paramSourceText(key, p, en ? 'en' : 'zh-CN') : '—';
  return {
    key,
    label,
    value: formatParamValue(p.value, unit, options.language),
    note: en ? `Source: ${source} (${where}${fallback})` : `依据：${source}（${where}${fallback}）`,
  };
}

export function evidenceRows(
  evidence: Record<string, unknown> | null | undefined,
  options: EvidenceOptions,
): EvidenceRow[] {
  if (!evidence) return [];
  const rows: EvidenceRow[] = [];
  // Figures first, then thresholds, the parameters in force last (jsonb keeps its own key order).
  const entries = Object.entries(evidence).sort(([a], [b]) => rank(a) - rank(b));
  for (const [key, value] of entries) {
    if (HIDDEN.test(key)) continue;
    const label = labelOf(key, options);
    if (key === 'params' && value && typeof value === 'object') {
      const children = relevantParams(evidence, value).map(([k, v]) => paramRow(k, v, options));
      if (children.length > 0) rows.push({ key, label, value: '', children });
    } else if (key === 'window' && value && typeof value === 'object') {
      const w = value as { from?: string; to?: string };
      rows.push({
        key,
        label,
        value: `${w.from ?? '?'} ${pickIn(options.language, '至', 'to')} ${w.to ?? '?'}`,
      });
    } else if (Array.isArray(value)) {
      if (/PersonIds$/.test(key))
        rows.push({
          key,
          label,
          value: `${value.length} ${pickIn(options.language, '人', 'person(s)')}`,
        });
      else if (value.every((v) => v === null || typeof v !== 'object'))
        rows.push({
          key,
          label,
          value: value.map((v) => scalar(key, v, options)).join('、') || '—',
        });
      else
        rows.push({
          key,
          label,
          value: `${value.length} ${pickIn(options.language, '项', 'item(s)')}`,
          children: value.map((item, index) => ({
            key: `${key}.${index}`,
            label: `${index + 1}`,
            value: inline(item, options),
          })),
        });
    } else if (value && typeof value === 'object') {
      const children = evidenceRows(value as Record<string, unknown>, options);
      if (children.length > 0) rows.push({ key, label, value: '', children });
    } else {
      rows.push({ key, label, value: scalar(key, value, options) });
    }
  }
  return rows;
}

/** The medical rule carries both inpatient lines; only the one for this household's kind applies. */
function relevantParams(evidence: Record<string, unknown>, params: object): [string, unknown][] {
  const used = evidence.inpatientThresholdParam;
  const medicalLines = ['medical.alleviatedOutOfPocketFen', 'medical.otherOutOfPocketFen'];
  return Object.entries(params).filter(
    ([key]) => typeof used !== 'string' || !medicalLines.includes(key) || key === used,
  );
}

/** A small record (a death, a new disability) on one line: 日期 2024-03-01，劳动能力 普通劳动力. */
function inline(item: unknown, options: EvidenceOptions): string {
  if (!item || typeof item !== 'object') return scalar('', item, options);
  return evidenceRows(item as Record<string, unknown>, options)
    .map((row) =>
      row.children
        ? `${row.label} ${row.children.map((c) => `${c.label} ${c.value}`).join('、')}`
        : `${row.label} ${row.value}`,
    )
    .join('，');
}
