import { maskIdNumber, maskPhone, normaliseIdNumber } from '#common/domain/id-card.ts';
import { fenToYuanNumber, tryParseYuanToFen } from '#common/domain/money.ts';
import { levelOfCode } from '#common/domain/org-code.ts';
import { periodToCompact, type IsoDate } from '#common/domain/period.ts';
import { codeOfLabel, codesOfLabels, labelOf } from '#common/domain/registry/codes.ts';
import { deriveFromIdNumber } from '#common/domain/registry/validation.ts';
import type { PersonalDataBox } from '#server/lib/crypto.ts';
import type { CellKind, LedgerColumn } from './ledger-columns.ts';

// One cell in, staged fields out (and back again for the export): the per-cell checks of an import.

export interface CellContext {
  today: IsoDate;
  box: PersonalDataBox;
}

export interface CellProblem {
  /** What the user typed, with ID numbers and phones masked. */
  value: string;
  reason: string;
  reasonEn: string;
}

/** Staged fields of one cell; `problem` is set when the cell is wrong (the fields then hold what could be kept). */
export interface ParsedCell {
  fields: Record<string, unknown>;
  problem?: CellProblem;
}

// Same shape as the registry contract, so an import accepts what the edit form accepts.
const PHONE = /^1\d{10}$|^0\d{2,3}-?\d{7,8}$/;
const HOUSEHOLD_NO = /^[0-9A-Za-z-]{4,40}$/;
const SHORT_LIST = 8;

/** What a spreadsheet cell shows, whatever exceljs made of it (rich text, hyperlink, formula result). */
export function cellText(raw: unknown): string {
  if (raw === null || raw === undefined) return '';
  if (typeof raw === 'string') return raw;
  if (typeof raw === 'number' || typeof raw === 'boolean') return String(raw);
  if (raw instanceof Date) return raw.toISOString().slice(0, 10);
  if (typeof raw === 'object') {
    const cell = raw as { richText?: { text: string }[]; text?: unknown; result?: unknown; error?: unknown };
    if (Array.isArray(cell.richText)) return cell.richText.map((t) => t.text).join('');
    if (cell.text !== undefined) return cellText(cell.text);
    if ('result' in cell) return cellText(cell.result);
    if (cell.error !== undefined) return '';
  }
  return String(raw);
}

const problem = (
  value: string,
  reason: string,
  reasonEn: string,
  fields: Record<string, unknown> = {},
): ParsedCell => ({
  fields,
  problem: { value, reason, reasonEn },
});

type CodeList = Parameters<typeof codeOfLabel>[0];

// codeOfLabel normalises every label of the list on each call; a sheet repeats a handful of labels
// hundreds of thousands of times, so the answers are remembered per list.
const labelCache = new WeakMap<CodeList, Map<string, string | undefined>>();

function cachedCodeOfLabel(list: CodeList, text: string): string | undefined {
  let cache = labelCache.get(list);
  if (!cache) labelCache.set(list, (cache = new Map<string, string | undefined>()));
  if (!cache.has(text) && cache.size < 10_000) cache.set(text, codeOfLabel(list, text));
  return cache.has(text) ? cache.get(text) : codeOfLabel(list, text);
}

function parseCode(column: LedgerColumn, list: CodeList, text: string): ParsedCell {
  const found = cachedCodeOfLabel(list, text);
  if (found !== undefined) return { fields: { [column.key]: found } };
  const options = list.length <= SHORT_LIST ? `，可选：${list.map((e) => e.zh).join('、')}` : '';
  return problem(text, `"${text}"不是有效的${column.header}${options}`, `"${text}" is not a valid ${column.header}`, {
    [column.key]: null,
  });
}

function parseId(key: string, raw: unknown, text: string, ctx: CellContext): ParsedCell {
  const id = normaliseIdNumber(text);
  const masked = maskIdNumber(id);
  if (typeof raw === 'number') {
    return problem(
      masked,
      '证件号码被保存为数字，末几位已丢失，请将该列设为文本格式后重新填写',
      'The ID number was stored as a number and lost digits; format the column as text',
    );
  }
  const fields = {
    [`${key}_hash`]: ctx.box.hash(id),
    [`${key}_cipher`]: ctx.box.encrypt(id),
    [`${key}_masked`]: masked,
    [`${key}_kind`]: id.length > 18 ? 'disability' : 'resident',
  };
  const facts = deriveFromIdNumber(id, ctx.today);
  if (!facts.ok) return problem(masked, facts.messageZh, facts.messageEn, fields);
  return { fields: { ...fields, [`${key}_sex`]: facts.sex, [`${key}_birth_date`]: facts.birthDate } };
}

function parsePeriod(key: string, raw: unknown, text: string): ParsedCell {
  if (raw instanceof Date) return { fields: { [key]: raw.toISOString().slice(0, 7) } };
  const match = /^(\d{4})[-/.年]?(0?[1-9]|1[0-2])月?$/.exec(text.normalize('NFKC'));
  if (!match) return problem(text, '应为年月，如 202301', 'Must be a month such as 202301', { [key]: null });
  return { fields: { [key]: `${match[1]}-${match[2].padStart(2, '0')}` } };
}

function parseByKind(column: LedgerColumn, kind: CellKind, raw: unknown, text: string, ctx: CellContext): ParsedCell {
  const { key } = column;
  const plain = text.normalize('NFKC');
  switch (kind.type) {
    case 'villageCode':
      if (!/^\d{12}$/.test(plain) || levelOfCode(plain) !== 'village')
        return problem(text, '应为12位行政村代码', 'Must be a 12-digit village code');
      return { fields: { [key]: plain } };
    case 'householdNo':
      if (typeof raw === 'number' && !Number.isSafeInteger(raw))
        return problem(
          text,
          '户编号被保存为数字且已失真，请设为文本格式',
          'The household number was stored as a number and lost digits',
        );
      if (!HOUSEHOLD_NO.test(plain))
        return problem(text, '户编号应为4至40位数字或字母', 'Must be 4 to 40 digits or letters');
      return { fields: { [key]: plain } };
    case 'text':
      if (text.length > kind.max)
        return problem(text.slice(0, 20), `不能超过${kind.max}个字符`, `At most ${kind.max} characters`, {
          [key]: null,
        });
      return { fields: { [key]: text } };
    case 'id':
      return parseId(key, raw, text, ctx);
    case 'phone':
      if (!PHONE.test(plain))
        return problem(maskPhone(plain), '电话号码格式不正确', 'Invalid phone number', { [`${key}_cipher`]: null });
      // The keyed hash tells an unchanged number from a new one without decrypting the staged cipher.
      return {
        fields: {
          [`${key}_cipher`]: ctx.box.encrypt(plain),
          [`${key}_hash`]: ctx.box.hash(plain),
          [`${key}_masked`]: maskPhone(plain),
        },
      };
    case 'code':
      return parseCode(column, kind.list, text);
    case 'codes': {
      const { codes, unknown } = codesOfLabels(kind.list, text);
      if (unknown.length > 0)
        return problem(
          text,
          `"${unknown.join('、')}"不是有效的${column.header}`,
          `"${unknown.join(', ')}" is not a valid ${column.header}`,
          { [key]: codes },
        );
      return { fields: { [key]: codes } };
    }
    case 'period':
      return parsePeriod(key, raw, text);
    case 'year':
      if (!/^\d{4}$/.test(plain)) return problem(text, '应为四位年份', 'Must be a four-digit year', { [key]: null });
      return { fields: { [key]: Number(plain) } };
    case 'money': {
      const parsed = tryParseYuanToFen(typeof raw === 'number' ? raw : text);
      if (!parsed.ok) return problem(text, parsed.messageZh, parsed.messageEn, { [key]: 0 });
      return { fields: { [key]: parsed.fen } };
    }
    case 'bool':
      if (/^(是|y|yes|true|1)$/i.test(plain)) return { fields: { [key]: true } };
      if (/^(否|n|no|false|0)$/i.test(plain)) return { fields: { [key]: false } };
      return problem(text, '应填写"是"或"否"', 'Must be 是 (yes) or 否 (no)', { [key]: kind.empty });
    case 'months':
      if (!/^\d{1,2}$/.test(plain))
        return problem(text, '应为0至12的整数', 'Must be a whole number from 0 to 12', { [key]: null });
      return { fields: { [key]: Number(plain) } };
  }
}

/** The value of an empty cell in a column that is there. */
function emptyFields(column: LedgerColumn): Record<string, unknown> {
  switch (column.kind.type) {
    case 'codes':
      return { [column.key]: [] };
    case 'money':
      return { [column.key]: 0 };
    case 'bool':
      return { [column.key]: column.kind.empty };
    case 'phone':
      return { [`${column.key}_cipher`]: null, [`${column.key}_hash`]: null, [`${column.key}_masked`]: null };
    default:
      return { [column.key]: null };
  }
}

export function parseCell(column: LedgerColumn, raw: unknown, ctx: CellContext): ParsedCell {
  const text = cellText(raw).trim();
  if (text === '') {
    if (column.required === 'cell')
      return problem('', `${column.header}不能为空`, `${column.header} is required`, emptyFields(column));
    return { fields: emptyFields(column) };
  }
  return parseByKind(column, column.kind, raw, text, ctx);
}

/** A stored value as the workbook shows it: labels for codes, YYYYMM months, yuan, 是/否. */
export function formatCell(kind: CellKind, value: unknown): string | number | null {
  if (value === null || value === undefined) return null;
  switch (kind.type) {
    case 'code':
      return labelOf(kind.list, value as string);
    case 'codes':
      return (value as string[]).map((c) => labelOf(kind.list, c)).join(',') || null;
    case 'period':
      return periodToCompact(value as string);
    case 'money':
      return fenToYuanNumber(value as number);
    case 'bool':
      return value ? '是' : '否';
    default:
      return value as string | number;
  }
}
