import { createWriteStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { finished } from 'node:stream/promises';
import type { ImportReport } from '#common/contracts/registry-transfer.ts';
import { AppError } from '#server/lib/app-error.ts';
import { systemContext } from '#server/lib/context.ts';
import type { ExportService } from '../export/export.service.ts';
import type { ImportService, UploadedFile } from './import.service.ts';
import type { Progress } from './pipeline.ts';

// `guardline import households FILE [--members FILE] [--dry-run] [--skip-invalid] [--json]` and
// `guardline export households FILE` (formats.md §4): progress lines on long work, a bilingual
// summary with every listed error, and a non-zero exit (through AppError) when the file has errors.

export interface HouseholdImportOptions {
  members?: string;
  dryRun?: boolean;
  skipInvalid?: boolean;
  json?: boolean;
}

const PROGRESS_EVERY_MS = 2000;

async function localFile(file: string): Promise<UploadedFile> {
  const info = await stat(file).catch(() => null);
  if (!info?.isFile()) throw new AppError('BAD_REQUEST', { zh: `找不到文件：${file}`, en: `File not found: ${file}` });
  return { name: path.basename(file), path: file };
}

/** Prints at most one progress line every two seconds. */
export function progressPrinter(out: (line: string) => void): Progress {
  let last = 0;
  return async (_done, _total, message) => {
    if (Date.now() - last < PROGRESS_EVERY_MS) return;
    last = Date.now();
    out(message);
  };
}

export function describeImport(r: ImportReport): string[] {
  const outcome = r.committed
    ? '已写入 / written'
    : r.dryRun
      ? '试运行，未写入 / dry run, nothing written'
      : '有错误，未写入任何数据 / errors found, nothing written';
  const m = r.members;
  const lines = [
    `${r.file}: ${outcome}`,
    `  户 ${r.households}：新增 ${r.created}，更新 ${r.updated}，未变 ${r.unchanged}，有错误 ${r.invalid}` +
      ` / households ${r.households}: created ${r.created}, updated ${r.updated}, unchanged ${r.unchanged}, with errors ${r.invalid}`,
    `  成员 ${m.rows} 行：加入 ${m.added}，移出 ${m.ended}，信息更新 ${m.updated}，未变 ${m.unchanged}` +
      ` / member rows ${m.rows}: joined ${m.added}, ended ${m.ended}, updated ${m.updated}, unchanged ${m.unchanged}`,
  ];
  const unknown = [...r.unknownColumns.households, ...r.unknownColumns.members];
  if (unknown.length > 0)
    lines.push(`  未识别的列（已作为附加属性保存）/ unknown columns (kept as extra attributes): ${unknown.join(', ')}`);
  for (const e of r.errors) {
    const value = e.value === '' ? '' : ` "${e.value}"`;
    lines.push(
      `  ${e.sheet} 第 ${e.row} 行 [${e.column}]${value}: ${e.reason} / ${e.sheet} row ${e.row}: ${e.reasonEn}`,
    );
  }
  if (r.errorCount > r.errors.length) lines.push(`  … 共 ${r.errorCount} 处错误 / ${r.errorCount} errors in all`);
  return lines;
}

export async function runHouseholdImportCommand(
  importer: ImportService,
  file: string,
  options: HouseholdImportOptions,
  out: (line: string) => void,
): Promise<ImportReport> {
  const files = {
    households: await localFile(file),
    members: options.members ? await localFile(options.members) : undefined,
  };
  const flags = { dryRun: options.dryRun ?? false, skipInvalid: options.skipInvalid ?? false };
  const job = await importer.start(systemContext('cli'), files, flags, {
    progress: options.json ? undefined : progressPrinter(out),
  });
  const report = await job.wait;
  if (options.json) out(JSON.stringify(report, null, 2));
  else for (const line of describeImport(report)) out(line);
  if (report.errorCount > 0 && !(report.committed && flags.skipInvalid)) {
    throw new AppError('VALIDATION', {
      zh: `文件有 ${report.errorCount} 处错误${report.committed ? '' : '，未写入任何数据'}`,
      en: `The file has ${report.errorCount} errors${report.committed ? '' : '; nothing was written'}`,
    });
  }
  return report;
}

export async function runHouseholdExportCommand(
  exporter: ExportService,
  file: string,
  out: (line: string) => void,
): Promise<void> {
  const prepared = await exporter.prepare(systemContext('cli'));
  out(
    `导出 ${prepared.households} 户、${prepared.members} 人 / exporting ${prepared.households} households, ${prepared.members} people…`,
  );
  const stream = createWriteStream(file);
  try {
    await prepared.write(stream);
    await finished(stream);
  } catch (err) {
    stream.destroy();
    throw err;
  }
  out(`已写入 / written: ${file}`);
}
