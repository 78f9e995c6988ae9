import { describe, expect, it } from 'vitest';
import type { Db } from '../db/connect.ts';
import { AppError } from './app-error.ts';
import { importEachRow, writeRowInTx } from './sheet-import.ts';

// The import row loop shared by the posts and small-loans imports: dry runs roll back, refusals land on the row.

/** A database whose transaction runs the work and reports whether it was kept (no throw) or rolled back. */
function fakeDb() {
  const log: string[] = [];
  const db = {
    async transaction<T>(work: (tx: Db) => Promise<T>) {
      try {
        const out = await work(db as unknown as Db);
        log.push('commit');
        return out;
      } catch (err) {
        log.push('rollback');
        throw err;
      }
    },
  };
  return { db: db as unknown as Db, log };
}

describe('writeRowInTx', () => {
  it('keeps the row on a real import and rolls it back on a dry run; both count as passed', async () => {
    for (const [dryRun, kept] of [
      [false, 'commit'],
      [true, 'rollback'],
    ] as const) {
      const { db, log } = fakeDb();
      const fails: string[] = [];
      const ok = await writeRowInTx(db, { dryRun, fail: (f, m) => fails.push(`${f}:${m}`) }, async () => 1);
      expect({ ok, log, fails }).toEqual({ ok: true, log: [kept], fails: [] });
    }
  });

  it('puts a refusal on the row under the sheet column, or its message, and answers false', async () => {
    const { db } = fakeDb();
    const fails: string[] = [];
    const fail = (f: string, m: string) => fails.push(`${f}:${m}`);
    const columnOf = (field: string) => ({ amountFen: '贷款金额(元)' })[field];
    const refused = AppError.validation([
      { field: 'amountFen', messageZh: '超过上限', messageEn: 'Too much' },
      { field: 'other', messageZh: '其他', messageEn: 'Other' },
    ]);
    expect(await writeRowInTx(db, { dryRun: false, fail, columnOf }, () => Promise.reject(refused))).toBe(false);
    const conflict = new AppError('CONFLICT', { zh: '岗位已撤销', en: 'Closed' });
    expect(await writeRowInTx(db, { dryRun: true, fail }, () => Promise.reject(conflict))).toBe(false);
    expect(fails).toEqual(['贷款金额(元):超过上限', 'other:其他', ':岗位已撤销']);
  });

  it('throws what is not a refusal', async () => {
    const { db } = fakeDb();
    await expect(
      writeRowInTx(db, { dryRun: false, fail: () => undefined }, () => Promise.reject(new Error('disk'))),
    ).rejects.toThrow('disk');
  });
});

describe('importEachRow', () => {
  it('counts the rows and the passed ones, and tells a row whether it has failed', async () => {
    const sheet = [{ row: 2 }, { row: 3 }, { row: 5 }];
    const seen: boolean[] = [];
    const report = await importEachRow(sheet, true, async (r, { fail, failed }) => {
      if (r.row === 3) fail('村代码', '村代码须为12位数字');
      seen.push(failed());
      return !failed();
    });
    expect(seen).toEqual([false, true, false]);
    expect(report).toEqual({
      dryRun: true,
      rows: 3,
      created: 2,
      errors: [{ row: 3, field: '村代码', message: '村代码须为12位数字' }],
    });
  });
});
