// A registry change (timeline, review list) as readable lines: field label, before, after.
// Codes become their Chinese labels, fen become yuan, members become "name（relationship）".
import { RELATIONSHIPS } from '#common/domain/registry/codes.ts';
import type { BilingualLabel } from '#web/i18n/useI18n.ts';
import { codeLabel, codeLabels, FIELD_CODE_LISTS, FIELD_LABELS, MONEY_FIELDS, yuan } from './labels.ts';
import { pickIn } from '#web/i18n/useI18n.ts';

export interface DiffLine {
  key: string;
  label: string;
  before: string;
  after: string;
}

export const CHANGE_ACTION_LABELS: Record<string, BilingualLabel> = {
  create: { zh: '新增农户', en: 'Household created' },
  update: { zh: '修改基本信息', en: 'Facts edited' },
  members: { zh: '调整家庭成员', en: 'Members changed' },
  income: { zh: '收支情况', en: 'Income' },
  'move.out': { zh: '成员迁出', en: 'Member moved out' },
  'move.in': { zh: '成员迁入', en: 'Member moved in' },
  'split.out': { zh: '分户（分出成员）', en: 'Split (members left)' },
  'split.in': { zh: '分户（新立户）', en: 'Split (new household)' },
  'merge.out': { zh: '并户（并入他户）', en: 'Merged into another' },
  'merge.in': { zh: '并户（他户并入）', en: 'Merged in' },
  import: { zh: '台账导入', en: 'Imported' },
  importNational: { zh: '导入全国系统监测信息', en: 'Monitoring status imported from the national system' },
  identify: { zh: '识别认定纳入监测', en: 'Identified for monitoring' },
  reidentify: { zh: '重新识别纳入监测', en: 'Identified again for monitoring' },
  eliminate: { zh: '风险消除', en: 'Risk eliminated' },
};

const EXTRA_LABELS: Record<string, BilingualLabel> = {
  membersAdded: { zh: '新增成员数', en: 'Members added' },
  membersEnded: { zh: '减少成员数', en: 'Members ended' },
  membersUpdated: { zh: '成员信息更新数', en: 'Members updated' },
  incomeYear: { zh: '收支年度', en: 'Income year' },
};

/** Figures the server derives from the inputs; shown only when both sides carry them. */
const DERIVED = new Set(['netIncome', 'perCapitaNetIncome', 'householdSize']);

interface Options {
  language: string;
  /** Village code → name, when known. */
  orgName?: (code: string) => string;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  !!value && typeof value === 'object' && !Array.isArray(value);

function memberText(value: unknown): string {
  if (!isRecord(value)) return String(value);
  const relationship = typeof value.relationship === 'string' ? codeLabel(RELATIONSHIPS, value.relationship) : '';
  const id = typeof value.id === 'string' ? ` ${value.id}` : '';
  return `${String(value.name ?? '')}（${relationship}${id}）`;
}

export function showValue(field: string, value: unknown, options: Options): string {
  const en = options.language === 'en';
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'boolean') return value ? (en ? 'Yes' : '是') : en ? 'No' : '否';
  if (field === 'members' && Array.isArray(value)) return value.map(memberText).join('\n');
  if (field === 'villageCode' && typeof value === 'string')
    return options.orgName ? `${options.orgName(value)}（${value}）` : value;
  if (MONEY_FIELDS.has(field) && typeof value === 'number') return `${yuan(value)} ${en ? 'yuan' : '元'}`;
  const list = FIELD_CODE_LISTS[field];
  if (list && Array.isArray(value)) return codeLabels(list, value.map(String));
  if (list && typeof value === 'string') return codeLabel(list, value);
  if (Array.isArray(value)) return value.map(String).join('、') || '—';
  if (isRecord(value)) return JSON.stringify(value);
  return String(value);
}

function labelFor(key: string, language: string): string {
  const last = key.split('.').pop() ?? key;
  const pair = FIELD_LABELS[last] ?? EXTRA_LABELS[last];
  const own = pair ? pickIn(language, pair.zh, pair.en) : last;
  const parent = key.includes('.') ? FIELD_LABELS[key.split('.')[0]] : undefined;
  return parent ? `${pickIn(language, parent.zh, parent.en)} · ${own}` : own;
}

/** Nested objects (a new household's income) become "income.wageIncome" lines. */
function flatten(value: unknown, prefix = ''): Record<string, unknown> {
  if (!isRecord(value)) return value === null || value === undefined ? {} : { [prefix || 'value']: value };
  const out: Record<string, unknown> = {};
  for (const [key, inner] of Object.entries(value)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (isRecord(inner)) Object.assign(out, flatten(inner, path));
    else out[path] = inner;
  }
  return out;
}

/** Fields in the order the forms show them; unknown ones last. */
const FIELD_ORDER = Object.keys(FIELD_LABELS);
const rank = (key: string) => {
  const index = FIELD_ORDER.indexOf(key.split('.')[0]) * 100 + FIELD_ORDER.indexOf(key.split('.').pop() ?? key);
  return index < 0 ? Number.MAX_SAFE_INTEGER : index;
};

/** Changed fields only (a new household lists what was filled in), in form order. */
export function describeChange(before: unknown, after: unknown, options: Options): DiffLine[] {
  const old = flatten(before);
  const next = flatten(after);
  const keys = Array.from(new Set([...Object.keys(old), ...Object.keys(next)])).sort((a, b) => rank(a) - rank(b));
  return keys
    .filter((key) => {
      const last = key.split('.').pop() ?? key;
      return !DERIVED.has(last) || (key in old && key in next);
    })
    .map((key) => {
      const last = key.split('.').pop() ?? key;
      return {
        key,
        label: labelFor(key, options.language),
        before: key in old ? showValue(last, old[key], options) : '—',
        after: key in next ? showValue(last, next[key], options) : '—',
      };
    })
    .filter((line) => line.before !== line.after);
}
