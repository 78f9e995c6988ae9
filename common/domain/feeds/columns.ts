// The columns of a department data file and how a header row maps onto them. Headers are
// matched ignoring spaces, full/half-width forms and the kind of bracket, so `金额（元）`,
// `金额(元)` and `金额 [元]` are the same column; a leading `*` (required marker) is dropped.

import { FEED_ATTRIBUTES, type FeedAttributeCode } from './attributes.ts';

export type FeedBaseField = 'idNumber' | 'name' | 'source' | 'item' | 'occurredOn' | 'amount' | 'note';
export type FeedField = FeedBaseField | FeedAttributeCode;

export const FEED_BASE_COLUMNS: readonly {
  field: FeedBaseField;
  zh: string;
  en: string;
  aliases: readonly string[];
}[] = [
  { field: 'idNumber', zh: '证件号码', en: 'ID number', aliases: ['身份证号码', '身份证号', '证件号', '公民身份号码'] },
  { field: 'name', zh: '姓名', en: 'Name', aliases: [] },
  { field: 'source', zh: '数据来源', en: 'Source', aliases: ['来源', '来源部门'] },
  { field: 'item', zh: '事项', en: 'Item', aliases: ['比对事项', '数据事项'] },
  { field: 'occurredOn', zh: '发生日期', en: 'Date', aliases: ['日期'] },
  { field: 'amount', zh: '金额(元)', en: 'Amount (yuan)', aliases: ['金额'] },
  { field: 'note', zh: '说明', en: 'Note', aliases: ['备注'] },
];

/** Without these a file cannot be read; 数据来源 may be left out when the import names the source. */
export const REQUIRED_FIELDS: readonly FeedBaseField[] = ['idNumber', 'name', 'item', 'occurredOn'];

export function fieldLabel(field: FeedField): { zh: string; en: string } {
  const base = FEED_BASE_COLUMNS.find((c) => c.field === field);
  if (base) return { zh: base.zh, en: base.en };
  const attr = FEED_ATTRIBUTES.find((a) => a.code === field);
  return { zh: attr?.zh ?? field, en: field };
}

export function comparableHeader(header: string): string {
  return header
    .normalize('NFKC')
    .replace(/\s+/g, '')
    .replace(/[[【〔{]/g, '(')
    .replace(/[\]】〕}]/g, ')')
    .replace(/^\*+|\*+$/g, '')
    .toLowerCase();
}

const HEADER_INDEX = new Map<string, FeedField>();
for (const c of FEED_BASE_COLUMNS)
  for (const label of [c.zh, c.field, ...c.aliases]) HEADER_INDEX.set(comparableHeader(label), c.field);
for (const a of FEED_ATTRIBUTES)
  for (const label of [a.zh, a.code, ...a.headerAliases]) HEADER_INDEX.set(comparableHeader(label), a.code);

/** The field a header (or a JSON attribute key) names, if any. */
export function fieldOfHeader(header: string): FeedField | undefined {
  return HEADER_INDEX.get(comparableHeader(header));
}

export interface FeedHeader {
  /** Column index → the field it holds. */
  fields: Map<number, FeedField>;
  /** Column index → header text, for columns that name no known field (kept as extras and reported). */
  unknown: Map<number, string>;
  /** Column index → header text as written, for error messages. */
  labels: Map<number, string>;
  problems: { column: string; reasonZh: string; reasonEn: string }[];
}

/** Maps a header row; `sourceGiven` when the import itself names the 数据来源. */
export function mapFeedHeader(headers: readonly string[], sourceGiven: boolean): FeedHeader {
  const header: FeedHeader = { fields: new Map(), unknown: new Map(), labels: new Map(), problems: [] };
  const seen = new Map<FeedField, string>();
  headers.forEach((raw, index) => {
    const text = raw.trim();
    if (text === '') return;
    header.labels.set(index, text);
    const field = fieldOfHeader(text);
    if (field === undefined) {
      header.unknown.set(index, text);
      return;
    }
    const earlier = seen.get(field);
    if (earlier !== undefined) {
      header.problems.push({
        column: text,
        reasonZh: `列"${text}"与"${earlier}"重复`,
        reasonEn: `Column "${text}" repeats "${earlier}"`,
      });
      return;
    }
    seen.set(field, text);
    header.fields.set(index, field);
  });
  const required = sourceGiven ? REQUIRED_FIELDS : [...REQUIRED_FIELDS, 'source' as const];
  for (const field of required) {
    if (seen.has(field)) continue;
    const label = fieldLabel(field);
    header.problems.push({
      column: label.zh,
      reasonZh: `缺少必填列"${label.zh}"`,
      reasonEn: `Required column "${label.zh}" (${label.en}) is missing`,
    });
  }
  return header;
}
