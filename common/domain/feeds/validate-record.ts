// One department record, checked and normalised. Pure: `today` is an argument so that a file
// checked again later gives the same answer. Shared by file imports and the JSON push API.

import { disabilityCertificateParts, maskIdNumber, normaliseIdNumber, validateIdNumber } from '../id-card.ts';
import { tryParseYuanToFen } from '../money.ts';
import { isIsoDate, type IsoDate } from '../period.ts';
import { feedAttribute, type FeedAttributeCode } from './attributes.ts';
import { fieldLabel, type FeedField } from './columns.ts';
import {
  FEED_SOURCES,
  feedSource,
  itemOfLabel,
  sourceOfLabel,
  type FeedItemCode,
  type FeedSourceCode,
} from './sources.ts';

/** What a spreadsheet cell or JSON value can hold. */
export type FeedCell = string | number | boolean | Date | null | undefined;

export interface RawFeedRecord {
  idNumber: FeedCell;
  name: FeedCell;
  source: FeedCell;
  item: FeedCell;
  occurredOn: FeedCell;
  amount: FeedCell;
  note: FeedCell;
  attrs: Partial<Record<FeedAttributeCode, FeedCell>>;
  /** Columns (or JSON keys) that name no known field: kept as given and reported. */
  extra: Record<string, FeedCell>;
}

export interface FeedRecord {
  source: FeedSourceCode;
  item: FeedItemCode;
  /** The number as given, normalised: an 18-character ID or a 20/22-character 残疾人证号. */
  idNumber: string;
  /** The holder's 18-character resident ID (embedded in a 残疾人证号): what identifies the person. */
  residentId: string;
  name: string;
  occurredOn: IsoDate;
  amountFen: number | null;
  note: string | null;
  attrs: Partial<Record<FeedAttributeCode, string>>;
  extra: Record<string, string>;
}

export interface FeedFieldError {
  field: FeedField;
  /** The offending value as text; ID numbers masked. */
  value: string;
  reasonZh: string;
  reasonEn: string;
}

export interface FeedRecordOptions {
  today: IsoDate;
  /** The source the import is for (a department's own, or chosen by county staff); rows must agree. */
  source?: FeedSourceCode;
}

export type FeedRecordResult = { ok: true; record: FeedRecord } | { ok: false; errors: FeedFieldError[] };

const MAX_NAME = 40;
const MAX_NOTE = 500;
const EARLIEST_DATE = '1900-01-01';

/** Cell text: numbers at Excel's 15 significant digits, dates as ISO days, all trimmed. */
export function cellText(cell: FeedCell): string {
  if (cell === null || cell === undefined) return '';
  if (cell instanceof Date) return Number.isNaN(cell.getTime()) ? '' : cell.toISOString().slice(0, 10);
  if (typeof cell === 'number') return Number.isFinite(cell) ? String(Number(cell.toPrecision(15))) : String(cell);
  if (typeof cell === 'boolean') return cell ? 'TRUE' : 'FALSE';
  return cell.trim();
}

type Check<T> = { ok: true; value: T } | { ok: false; zh: string; en: string };
const bad = <T>(zh: string, en: string): Check<T> => ({ ok: false, zh, en });

function checkIdNumber(cell: FeedCell, today: IsoDate): Check<{ idNumber: string; residentId: string }> {
  if (typeof cell === 'number')
    return bad(
      '证件号码须按文本填写（数字格式会丢失末几位）',
      'ID number must be stored as text (a number cell loses the last digits)',
    );
  const id = normaliseIdNumber(cellText(cell));
  if (id === '') return bad('证件号码不能为空', 'ID number is required');
  if (id.length === 20 || id.length === 22) {
    const parts = disabilityCertificateParts(id);
    if (!parts)
      return bad(
        '残疾人证号应为18位身份证号加残疾类别(1–7)和等级(1–4)，补发证另加2位',
        'A disability certificate number is the 18-character ID, category (1–7) and grade (1–4), plus 2 characters if reissued',
      );
    const inner = validateIdNumber(parts.idNumber, today);
    if (!inner.ok)
      return bad(
        `残疾人证号中的身份证号有误：${inner.messageZh}`,
        `The ID inside the disability certificate number is invalid: ${inner.messageEn}`,
      );
    return { ok: true, value: { idNumber: id, residentId: parts.idNumber } };
  }
  const result = validateIdNumber(id, today);
  if (!result.ok) return bad(result.messageZh, result.messageEn);
  return { ok: true, value: { idNumber: result.idNumber, residentId: result.idNumber } };
}

// Year first, so 2024/3/5 and 2024年3月5日 cannot be misread; stored as YYYY-MM-DD.
const DATE_SHAPE = /^(\d{4})(?:[-/.]|年)(\d{1,2})(?:[-/.]|月)(\d{1,2})日?$/;

function checkDate(cell: FeedCell, today: IsoDate): Check<IsoDate> {
  if (typeof cell === 'number' || typeof cell === 'boolean')
    return bad('发生日期应为 YYYY-MM-DD 格式的日期', 'Date must be a YYYY-MM-DD date');
  const text = cellText(cell).normalize('NFKC');
  if (text === '') return bad('发生日期不能为空', 'Date is required');
  const match = DATE_SHAPE.exec(text);
  const iso = match ? `${match[1]}-${match[2].padStart(2, '0')}-${match[3].padStart(2, '0')}` : '';
  if (!isIsoDate(iso))
    return bad(
      `发生日期"${text}"应为 YYYY-MM-DD 格式的真实日期`,
      `Date "${text}" must be a real date in YYYY-MM-DD form`,
    );
  if (iso > today) return bad(`发生日期 ${iso} 晚于今天（${today}）`, `Date ${iso} is after today (${today})`);
  if (iso < EARLIEST_DATE) return bad(`发生日期 ${iso} 早于 1900 年`, `Date ${iso} is before 1900`);
  return { ok: true, value: iso };
}

function checkAmount(cell: FeedCell, needsAmount: boolean, itemZh: string): Check<number | null> {
  const text = cellText(cell);
  if (text === '')
    return needsAmount
      ? bad(`事项"${itemZh}"须填写金额`, `Item "${itemZh}" needs an amount`)
      : { ok: true, value: null };
  if (typeof cell === 'boolean' || cell instanceof Date)
    return bad(`金额"${text}"格式错误，应为数字（元）`, `Amount "${text}" is not a number of yuan`);
  const parsed = tryParseYuanToFen(cell as string | number);
  if (!parsed.ok) return bad(parsed.messageZh, parsed.messageEn);
  if (parsed.fen < 0) return bad(`金额"${text}"不能为负数`, `Amount "${text}" cannot be negative`);
  return { ok: true, value: parsed.fen };
}

function checkSource(cell: FeedCell, fixed: FeedSourceCode | undefined): Check<FeedSourceCode> {
  const text = cellText(cell);
  if (text === '') return fixed ? { ok: true, value: fixed } : bad('数据来源不能为空', 'Source is required');
  const code = sourceOfLabel(text);
  if (!code)
    return bad(
      `数据来源"${text}"无效，可选：${FEED_SOURCES.map((s) => s.zh).join('、')}`,
      `Source "${text}" is not one of ${FEED_SOURCES.map((s) => s.code).join(', ')}`,
    );
  if (fixed && code !== fixed) {
    const expected = feedSource(fixed);
    return bad(
      `数据来源"${text}"与本次导入的来源"${expected.zh}"不符`,
      `Source "${text}" differs from the source of this import (${expected.code})`,
    );
  }
  return { ok: true, value: code };
}

function checkText(
  cell: FeedCell,
  label: { zh: string; en: string },
  max: number,
  required: boolean,
): Check<string | null> {
  const text = cellText(cell);
  if (text === '') return required ? bad(`${label.zh}不能为空`, `${label.en} is required`) : { ok: true, value: null };
  if (text.length > max) return bad(`${label.zh}最多${max}个字`, `${label.en} may have at most ${max} characters`);
  return { ok: true, value: text };
}

export function validateFeedRecord(raw: RawFeedRecord, options: FeedRecordOptions): FeedRecordResult {
  const errors: FeedFieldError[] = [];
  function take<T>(field: FeedField, cell: FeedCell, check: Check<T>): T | undefined {
    if (check.ok) return check.value;
    const text = cellText(cell);
    errors.push({
      field,
      value: field === 'idNumber' && text !== '' ? maskIdNumber(text) : text,
      reasonZh: check.zh,
      reasonEn: check.en,
    });
    return undefined;
  }

  const id = take('idNumber', raw.idNumber, checkIdNumber(raw.idNumber, options.today));
  const name = take('name', raw.name, checkText(raw.name, fieldLabel('name'), MAX_NAME, true));
  const source = take('source', raw.source, checkSource(raw.source, options.source));
  const occurredOn = take('occurredOn', raw.occurredOn, checkDate(raw.occurredOn, options.today));
  const note = take('note', raw.note, checkText(raw.note, fieldLabel('note'), MAX_NOTE, false));

  const itemText = cellText(raw.item);
  const item = source && itemText !== '' ? itemOfLabel(source, itemText) : undefined;
  if (itemText === '') take('item', raw.item, bad('事项不能为空', 'Item is required'));
  else if (source && !item) {
    const s = feedSource(source);
    take(
      'item',
      raw.item,
      bad(
        `事项"${itemText}"不是${s.zh}的事项，可选：${s.items.map((i) => i.zh).join('、')}`,
        `Item "${itemText}" is not an item of ${s.code}: ${s.items.map((i) => i.code).join(', ')}`,
      ),
    );
  }
  const amountFen = take(
    'amount',
    raw.amount,
    checkAmount(raw.amount, item?.needsAmount ?? false, item?.zh ?? itemText),
  );

  const attrs: Partial<Record<FeedAttributeCode, string>> = {};
  for (const [code, cell] of Object.entries(raw.attrs) as [FeedAttributeCode, FeedCell][]) {
    const text = cellText(cell);
    if (text === '') continue;
    const attribute = feedAttribute(code);
    if (source && !(feedSource(source).attributes as readonly string[]).includes(code)) {
      const s = feedSource(source);
      take(
        code,
        cell,
        bad(`"${attribute.zh}"不适用于${s.zh}数据`, `Column "${attribute.zh}" does not apply to ${s.code} data`),
      );
      continue;
    }
    const checked = attribute.check(text);
    const value = take<string>(
      code,
      cell,
      checked.ok ? { ok: true, value: checked.value } : bad(checked.reasonZh, checked.reasonEn),
    );
    if (value !== undefined) attrs[code] = value;
  }

  const extra: Record<string, string> = {};
  for (const [key, cell] of Object.entries(raw.extra)) {
    const text = cellText(cell);
    if (text !== '') extra[key] = text;
  }

  if (
    errors.length > 0 ||
    !id ||
    !name ||
    !source ||
    !item ||
    !occurredOn ||
    amountFen === undefined ||
    note === undefined
  ) {
    return { ok: false, errors };
  }
  return {
    ok: true,
    record: {
      source,
      item: item.code as FeedItemCode,
      idNumber: id.idNumber,
      residentId: id.residentId,
      name,
      occurredOn,
      amountFen,
      note,
      attrs,
      extra,
    },
  };
}
