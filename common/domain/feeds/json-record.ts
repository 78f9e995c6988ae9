// A record pushed by a department system as JSON → the same raw record a file row gives, so
// both paths share one validator. Attribute keys may be codes (`houseGrade`) or the Chinese
// column names (`等级`); keys that name nothing are kept as extras and reported.

import type { FeedAttributeCode } from './attributes.ts';
import { FEED_BASE_COLUMNS, fieldOfHeader, type FeedField } from './columns.ts';
import type { FeedCell, RawFeedRecord } from './validate-record.ts';

export interface PushedFeedRecord {
  idNumber: string;
  name: string;
  item: string;
  occurredOn: string;
  amountYuan?: string | number | null;
  note?: string | null;
  attrs?: Record<string, string | number | null> | null;
}

/** JSON field names for error paths (`records[3].amountYuan`). */
export const JSON_FIELD_NAMES: Partial<Record<FeedField, string>> = { amount: 'amountYuan', source: 'source' };

const BASE_FIELDS = new Set<FeedField>(FEED_BASE_COLUMNS.map((c) => c.field));

export function rawRecordOfJson(record: PushedFeedRecord, source: string): RawFeedRecord {
  const attrs: Partial<Record<FeedAttributeCode, FeedCell>> = {};
  const extra: Record<string, FeedCell> = {};
  for (const [key, value] of Object.entries(record.attrs ?? {})) {
    const field = fieldOfHeader(key);
    if (field === undefined || BASE_FIELDS.has(field)) extra[key] = value;
    else attrs[field as FeedAttributeCode] = value;
  }
  return {
    idNumber: record.idNumber,
    name: record.name,
    source,
    item: record.item,
    occurredOn: record.occurredOn,
    amount: record.amountYuan ?? null,
    note: record.note ?? null,
    attrs,
    extra,
  };
}

/** The JSON path of a field of the i-th pushed record. */
export function jsonFieldPath(index: number, field: FeedField): string {
  const base = BASE_FIELDS.has(field) ? (JSON_FIELD_NAMES[field] ?? field) : `attrs.${field}`;
  return base === 'source' ? 'source' : `records[${index}].${base}`;
}
