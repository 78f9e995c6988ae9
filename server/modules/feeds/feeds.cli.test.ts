import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { makeIdNumber } from '#server/test/factories.ts';
import { runFeedImportCommand } from './feeds.cli.ts';
import { csvFile, feedCounts, FEED_HEADER, useFeedsTestApp, xlsxFile } from './feeds.test-support.ts';

const env = useFeedsTestApp();
const dir = mkdtempSync(path.join(os.tmpdir(), 'guardline-feed-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const id = makeIdNumber('1990-09-09', 'male');

function write(name: string, content: Buffer): string {
  const file = path.join(dir, name);
  writeFileSync(file, content);
  return file;
}

async function run(file: string, options: { dryRun?: boolean; json?: boolean } = {}) {
  const lines: string[] = [];
  const services = { feeds: env.feeds, org: env.services.org };
  try {
    const result = await runFeedImportCommand(services, file, options, (l) => lines.push(l));
    return { result, lines, error: null };
  } catch (error) {
    return { result: null, lines, error: error as { code: string; messageZh: string; messageEn: string } };
  }
}

describe('guardline import feed FILE', () => {
  const good = () =>
    write('水务.csv', csvFile([FEED_HEADER, [id, '周强', '水务', '饮水不安全', '2025-04-01', '', '']]));

  it('--dry-run prints a bilingual summary and writes nothing', async () => {
    const before = await feedCounts(env.services.db);
    const { lines, error } = await run(good(), { dryRun: true });
    expect(error).toBeNull();
    expect(lines[0]).toBe('比对户籍 1 条 / matching 1 records'); // a progress line
    expect(lines[1]).toBe(
      '水务.csv: 1 行 / rows — 检查通过（试运行，未写入）/ checks passed (dry run, nothing written)',
    );
    expect(lines[2]).toContain('水务 (water): 记录 1，新增 1，已有 0，重复行 0，匹配 0，未匹配 1 / records 1, new 1');
    expect(await feedCounts(env.services.db)).toEqual(before);
  });

  it('imports an XLSX, then reports the same file as already imported; --json prints the result', async () => {
    const file = write(
      '民政.xlsx',
      await xlsxFile([FEED_HEADER, [id, '周强', '民政', '纳入低保', new Date(Date.UTC(2025, 0, 2)), null, null]]),
    );
    const first = await run(file);
    expect(first.lines.find((l) => l.startsWith('民政.xlsx'))).toContain('已导入 / imported');
    const again = await run(file, { json: true });
    expect(JSON.parse(again.lines.join('\n'))).toMatchObject({
      status: 'alreadyImported',
      batches: [{ source: 'civil', newCount: 0 }],
    });
  });

  it('prints every row error and refuses with a bilingual message', async () => {
    const file = write('bad.csv', csvFile([FEED_HEADER, [id, '周强', '水务', '停水', '2025-04-01', '', '']]));
    const { lines, error } = await run(file);
    expect(lines).toContain(
      '  第 2 行 / row 2 [事项] "停水": 事项"停水"不是水务的事项，可选：饮水不安全 / Item "停水" is not an item of water: unsafeWater',
    );
    expect(error).toMatchObject({
      code: 'VALIDATION',
      messageZh: '导入被拒绝：1 处错误，未写入任何数据',
      messageEn: 'Import refused: 1 errors, nothing was written',
    });
  });

  it('refuses a missing file', async () => {
    const { error } = await run(path.join(dir, 'nope.csv'));
    expect(error).toMatchObject({ code: 'BAD_REQUEST', messageEn: expect.stringContaining('File not found') });
  });
});
