// A file row (CSV line or sheet row) → a checked record, with errors named by row number and
// the column header as the file wrote it, so a department clerk can find and fix each cell.

import type { FeedAttributeCode } from './attributes.ts';
import { fieldLabel, type FeedField, type FeedHeader } from './columns.ts';
import {
  cellText,
  validateFeedRecord,
  type FeedCell,
  type FeedRecord,
  type FeedRecordOptions,
  type RawFeedRecord,
} from './validate-record.ts';

export interface FeedRowError {
  /** The row number a spreadsheet shows (the header is row 1 when it is the first line). */
  row: number;
  column: string;
  /** The cell as written; ID numbers masked (`1405**********1234`). */
  value: string;
  reasonZh: string;
  reasonEn: string;
}

export type FeedRowResult = { ok: true; record: FeedRecord } | { ok: false; errors: FeedRowError[] };

export function isBlankRow(cells: readonly FeedCell[]): boolean {
  return cells.every((c) => cellText(c) === '');
}

/** The raw record a row holds under a mapped header. */
export function rawRecordOfRow(cells: readonly FeedCell[], header: FeedHeader): RawFeedRecord {
  const raw: RawFeedRecord = {
    idNumber: null,
    name: null,
    source: null,
    item: null,
    occurredOn: null,
    amount: null,
    note: null,
    attrs: {},
    extra: {},
  };
  for (const [index, field] of header.fields) {
    const cell = cells[index];
    switch (field) {
      case 'idNumber':
      case 'name':
      case 'source':
      case 'item':
      case 'occurredOn':
      case 'amount':
      case 'note':
        raw[field] = cell;
        break;
      default:
        raw.attrs[field as FeedAttributeCode] = cell;
    }
  }
  for (const [index, text] of header.unknown) raw.extra[text] = cells[index];
  return raw;
}

function columnOf(header: FeedHeader, field: FeedField): string {
  for (const [index, f] of header.fields) if (f === field) return header.labels.get(index) ?? fieldLabel(field).zh;
  return fieldLabel(field).zh;
}

export function parseFeedRow(
  cells: readonly FeedCell[],
  header: FeedHeader,
  row: number,
  options: FeedRecordOptions,
): FeedRowResult {
  const result = validateFeedRecord(rawRecordOfRow(cells, header), options);
  if (result.ok) return result;
  return {
    ok: false,
    errors: result.errors.map((e) => ({
      row,
      column: columnOf(header, e.field),
      value: e.value,
      reasonZh: e.reasonZh,
      reasonEn: e.reasonEn,
    })),
  };
}

/** Header problems (missing or repeated columns) as errors on the header row. */
export function headerErrors(header: FeedHeader, row: number): FeedRowError[] {
  return header.problems.map((p) => ({ row, column: p.column, value: '', reasonZh: p.reasonZh, reasonEn: p.reasonEn }));
}
