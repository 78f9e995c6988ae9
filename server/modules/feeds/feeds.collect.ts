// Reads a whole department file into checked records and row errors. Everything is collected
// before anything is written: a file is imported whole or not at all.

import { cellText, type FeedRecord, type FeedRecordOptions } from '#common/domain/feeds/validate-record.ts';
import { mapFeedHeader, type FeedHeader } from '#common/domain/feeds/columns.ts';
import { headerErrors, isBlankRow, parseFeedRow, type FeedRowError } from '#common/domain/feeds/row-parser.ts';
import type { FileRow } from './feed-file.ts';

/** Errors kept for the report; beyond this only the count grows (a wholly wrong file stays readable). */
export const MAX_REPORTED_ERRORS = 10_000;
const PROGRESS_EVERY_ROWS = 1000;

export interface CollectedFeed {
  rowCount: number;
  records: FeedRecord[];
  errors: FeedRowError[];
  errorCount: number;
  unknownColumns: string[];
}

export async function collectFeedRows(
  rows: AsyncIterable<FileRow>,
  options: FeedRecordOptions,
  onProgress?: (rowsRead: number) => Promise<void>,
): Promise<CollectedFeed> {
  const out: CollectedFeed = { rowCount: 0, records: [], errors: [], errorCount: 0, unknownColumns: [] };
  const addErrors = (errors: FeedRowError[]) => {
    out.errorCount += errors.length;
    for (const e of errors) if (out.errors.length < MAX_REPORTED_ERRORS) out.errors.push(e);
  };
  let header: FeedHeader | null = null;
  for await (const { row, cells } of rows) {
    if (isBlankRow(cells)) continue;
    if (!header) {
      header = mapFeedHeader(cells.map(cellText), options.source !== undefined);
      out.unknownColumns = [...header.unknown.values()];
      // Without its columns no row can be read; report the header alone rather than every row.
      if (header.problems.length > 0) {
        addErrors(headerErrors(header, row));
        return out;
      }
      continue;
    }
    out.rowCount += 1;
    const result = parseFeedRow(cells, header, row, options);
    if (result.ok) out.records.push(result.record);
    else addErrors(result.errors);
    if (onProgress && out.rowCount % PROGRESS_EVERY_ROWS === 0) await onProgress(out.rowCount);
  }
  if (!header || out.rowCount === 0) {
    addErrors([
      {
        row: 1,
        column: '',
        value: '',
        reasonZh: header ? '文件没有数据行' : '文件没有表头和数据',
        reasonEn: header ? 'The file has no data rows' : 'The file has no header and no data',
      },
    ]);
  }
  return out;
}
