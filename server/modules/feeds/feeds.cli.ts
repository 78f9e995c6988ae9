import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import type { FeedImportResult } from '#common/contracts/feeds.ts';
import { AppError } from '#server/lib/app-error.ts';
import { systemContext } from '#server/lib/context.ts';
import type { JobProgress } from '../jobs/index.ts';
import type { OrgService } from '../org/index.ts';
import type { FeedsService } from './feeds.service.ts';

// `guardline import feed FILE [--dry-run] [--json]` (formats.md §4): progress lines while reading,
// a summary in Chinese and English, every row error; refused input exits non-zero via AppError.

export interface FeedCliOptions {
  dryRun?: boolean;
  json?: boolean;
  /** The county code when the database holds more than one county. */
  county?: string;
}

const PROGRESS_EVERY_MS = 1000;

async function countyOf(org: OrgService, named: string | undefined): Promise<string> {
  if (named) return named;
  const counties = await org.list(systemContext('cli'), { level: 'county' });
  if (counties.length === 1) return counties[0].code;
  throw new AppError('BAD_REQUEST', {
    zh:
      counties.length === 0
        ? '数据库中没有县级机构，请先载入机构（guardline demo）'
        : '数据库中有多个县，请指定县级区划代码',
    en:
      counties.length === 0
        ? 'No county in the database; load the org units first (guardline demo)'
        : 'More than one county in the database; name the county code',
  });
}

const STATUS_TEXT: Record<FeedImportResult['status'], string> = {
  imported: '已导入 / imported',
  alreadyImported: '此前已导入，未做任何更改 / already imported, nothing changed',
  checked: '检查通过（试运行，未写入）/ checks passed (dry run, nothing written)',
  rejected: '有错误，未写入任何数据 / errors found, nothing written',
};

export function describeFeedImport(result: FeedImportResult): string[] {
  const lines = [`${result.fileName}: ${result.rowCount} 行 / rows — ${STATUS_TEXT[result.status]}`];
  for (const b of result.batches) {
    const batch = b.batchId === null ? '' : ` 批次 / batch #${b.batchId}`;
    lines.push(
      `  ${b.sourceLabel} (${b.source}):${batch} 记录 ${b.recordCount}，新增 ${b.newCount}，已有 ${b.existingCount}，重复行 ${b.duplicateRows}，匹配 ${b.matchedCount}，未匹配 ${b.unmatchedCount}` +
        ` / records ${b.recordCount}, new ${b.newCount}, existing ${b.existingCount}, repeated rows ${b.duplicateRows}, matched ${b.matchedCount}, unmatched ${b.unmatchedCount}`,
    );
  }
  if (result.unknownColumns.length > 0)
    lines.push(
      `  未识别的列（已随记录保存）/ unknown columns (kept with the records): ${result.unknownColumns.join(', ')}`,
    );
  for (const e of result.errors) {
    const value = e.value === '' ? '' : ` "${e.value}"`;
    lines.push(`  第 ${e.row} 行 / row ${e.row} [${e.column}]${value}: ${e.reasonZh} / ${e.reasonEn}`);
  }
  if (result.errorsTruncated) lines.push(`  … 共 ${result.errorCount} 处错误 / ${result.errorCount} errors in all`);
  return lines;
}

export async function runFeedImportCommand(
  services: { feeds: FeedsService; org: OrgService },
  file: string,
  options: FeedCliOptions,
  out: (line: string) => void,
): Promise<FeedImportResult> {
  const info = await stat(file).catch(() => null);
  if (!info?.isFile()) throw new AppError('BAD_REQUEST', { zh: `找不到文件：${file}`, en: `File not found: ${file}` });
  const ctx = systemContext('cli');
  const countyCode = await countyOf(services.org, options.county);
  let last = 0;
  const progress: JobProgress = {
    async report(_done, _total, message) {
      if (options.json || Date.now() - last < PROGRESS_EVERY_MS) return;
      last = Date.now();
      out(message);
    },
  };
  const stream = createReadStream(file);
  let result: FeedImportResult;
  try {
    result = await services.feeds.importFeed(ctx, {
      fileName: path.basename(file),
      stream,
      dryRun: options.dryRun ?? false,
      countyCode,
      progress,
    });
  } finally {
    stream.destroy();
  }
  if (options.json) out(JSON.stringify(result, null, 2));
  else for (const line of describeFeedImport(result)) out(line);
  if (result.status === 'rejected') {
    throw new AppError('VALIDATION', {
      zh: `导入被拒绝：${result.errorCount} 处错误，未写入任何数据`,
      en: `Import refused: ${result.errorCount} errors, nothing was written`,
    });
  }
  return result;
}
