import { formatFen, tryParseYuanToFen } from '#common/domain/money.ts';

// Policy parameter values as people read and type them: money in yuan (stored in fen), ratios in
// per cent (stored 0–1), whole days/months/years/counts, and named choices.

export type ParamUnit = 'fen' | 'days' | 'months' | 'ratio' | 'years' | 'count' | 'choice';

const UNIT_WORDS: Record<Exclude<ParamUnit, 'fen' | 'ratio' | 'choice'>, [string, string]> = {
  days: ['天', 'days'],
  months: ['个月', 'months'],
  years: ['岁', 'years'],
  count: ['', ''],
};

export const CHOICE_LABELS: Record<string, [string, string]> = {
  net: ['人均纯收入', 'Per-capita net income'],
  adjusted: ['调整后人均收入（+理赔 −合规自付）', 'Adjusted per-capita income'],
  all: ['全体组成人员', 'All members'],
  present: ['到会人员', 'Those present'],
  assistedOnly: ['仅帮扶消除', 'Assisted eliminations only'],
  alsoNatural: ['含自然消除', 'Natural eliminations too'],
  trained: ['参加培训的人', 'People trained'],
  labour: ['全部劳动力', 'Every labourer'],
  alleviatedAndMonitored: ['脱贫户和监测对象', 'Alleviated and monitored households'],
  monitored: ['仅监测对象', 'Monitored households only'],
};

/** The unit a parameter key implies, for evidence that carries only key and value. */
export function unitOfKey(key: string): ParamUnit | undefined {
  if (/Fen$/.test(key)) return 'fen';
  if (/Ratio$/i.test(key)) return 'ratio';
  if (/Months$/.test(key)) return 'months';
  if (/Days$/.test(key)) return 'days';
  if (/AgeFrom$|AgeTo$/.test(key)) return 'years';
  return undefined;
}

/** Per cent with at most two decimals: 0.3 → "30%", 0.125 → "12.5%". */
export function formatRatio(ratio: number): string {
  return `${Number((ratio * 100).toFixed(2))}%`;
}

export function formatParamValue(value: unknown, unit: string | undefined, language: string): string {
  const en = language === 'en';
  if (value === null || value === undefined) return '—';
  if (typeof value !== 'number') {
    const choice = CHOICE_LABELS[String(value)];
    return choice ? choice[en ? 1 : 0] : String(value);
  }
  switch (unit) {
    case 'fen':
      return Number.isSafeInteger(value) ? `${formatFen(value)} ${en ? 'yuan' : '元'}` : String(value);
    case 'ratio':
      return formatRatio(value);
    case 'days':
    case 'months':
    case 'years':
    case 'count': {
      const word = UNIT_WORDS[unit][en ? 1 : 0];
      return word ? `${value} ${word}` : String(value);
    }
    default:
      return String(value);
  }
}

export type ParsedInput = { ok: true; value: number | string } | { ok: false; messageZh: string; messageEn: string };

/** What the 新增生效版本 form sends: yuan → fen, % → 0–1, whole numbers otherwise. */
export function parseParamInput(text: string, unit: string): ParsedInput {
  const raw = text.trim();
  if (unit === 'choice')
    return raw ? { ok: true, value: raw } : { ok: false, messageZh: '请选择', messageEn: 'Choose a value' };
  if (raw === '') return { ok: false, messageZh: '请填写数值', messageEn: 'Enter a value' };
  if (unit === 'fen') {
    const parsed = tryParseYuanToFen(raw);
    if (!parsed.ok)
      return {
        ok: false,
        messageZh: parsed.messageZh,
        messageEn: parsed.messageEn,
      };
    if (parsed.fen < 0)
      return {
        ok: false,
        messageZh: '金额不能为负数',
        messageEn: 'Cannot be negative',
      };
    return { ok: true, value: parsed.fen };
  }
  const number = Number(raw.replace(/[%％]$/, '').normalize('NFKC'));
  if (!Number.isFinite(number) || number < 0)
    return {
      ok: false,
      messageZh: '请填写不小于 0 的数字',
      messageEn: 'Enter a number ≥ 0',
    };
  if (unit === 'ratio') {
    if (number > 100)
      return {
        ok: false,
        messageZh: '百分比须在 0 到 100 之间',
        messageEn: 'A percentage is between 0 and 100',
      };
    // Two decimals of a per cent at most, so 12.5% is 0.125 exactly as typed.
    if (!/^\d+(\.\d{1,2})?$/.test(raw.replace(/[%％]$/, ''))) {
      return {
        ok: false,
        messageZh: '百分比最多两位小数',
        messageEn: 'At most two decimals',
      };
    }
    return { ok: true, value: Number((number / 100).toFixed(4)) };
  }
  if (!Number.isInteger(number))
    return {
      ok: false,
      messageZh: '请填写整数',
      messageEn: 'Enter a whole number',
    };
  return { ok: true, value: number };
}

/** The input's text for an existing value (the form starts from the value in force). */
export function inputTextOf(value: unknown, unit: string): string {
  if (typeof value !== 'number') return value == null ? '' : String(value);
  if (unit === 'fen') return formatFen(value).replace(/,/g, '');
  if (unit === 'ratio') return String(Number((value * 100).toFixed(2)));
  return String(value);
}

/** The suffix shown after the input. */
export function inputSuffix(unit: string, language: string): string {
  const en = language === 'en';
  if (unit === 'fen') return en ? 'yuan' : '元';
  if (unit === 'ratio') return '%';
  if (unit in UNIT_WORDS) return UNIT_WORDS[unit as keyof typeof UNIT_WORDS][en ? 1 : 0];
  return '';
}
