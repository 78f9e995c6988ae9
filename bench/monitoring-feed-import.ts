import { computeCheckDigit } from '../common/domain/id-card.ts';
import { systemContext } from '../server/lib/context.ts';
import { createPersonalDataBox } from '../server/lib/crypto.ts';
import { createFeedsService } from '../server/modules/feeds/feeds.service.ts';
import { recordKeyOf } from '../server/modules/feeds/feeds.keys.ts';
import { createJobsService } from '../server/modules/jobs/jobs.service.ts';
import { feedRecords } from '../server/db/schema/feeds.ts';
import { copyInto, insertInto } from './registry-baseline.ts';
import { timed, type BenchDatabase } from './bench-db.ts';
import { BENCH_COUNTY } from './monitoring-data.ts';

// (e) A department file through the real import (parse the CSV, validate every row, hash and encrypt
// the ID, match persons, all-or-nothing commit) against the floor: the same records, already built
// (hashes, ciphers, keys), loaded raw into feed_record (COPY on PGlite, multi-row INSERT on PostgreSQL).

const ITEMS = [
  ['医保', '住院自付', 'medical', 'inpatientOutOfPocket'],
  ['医保', '门诊自付', 'medical', 'outpatientOutOfPocket'],
  ['民政', '临时救助', 'civil', 'temporaryRelief'],
] as const;

function idNumberOf(i: number): string {
  const birth = `19${String(50 + (i % 50)).padStart(2, '0')}0${1 + (i % 9)}${String(10 + (i % 18)).padStart(2, '0')}`;
  const first17 = `140521${birth}${String(i % 1000).padStart(3, '0')}`;
  return first17 + computeCheckDigit(first17);
}

interface BenchRecord {
  idNumber: string;
  item: (typeof ITEMS)[number];
  occurredOn: string;
  amountYuan: number;
}

function records(count: number, salt: number): BenchRecord[] {
  return Array.from({ length: count }, (_, i) => ({
    idNumber: idNumberOf(i * 7 + salt),
    item: ITEMS[i % ITEMS.length],
    occurredOn: `2025-0${1 + (i % 6)}-${String(1 + (i % 28)).padStart(2, '0')}`,
    amountYuan: 100 + ((i * 37 + salt) % 40000),
  }));
}

export async function benchFeedImport(
  bench: BenchDatabase,
  count: number,
): Promise<{ importMs: number; floorMs: number; rows: number }> {
  const db = bench.database.db;
  const box = createPersonalDataBox('guardline-bench-secret-0123456789abcdef');
  const feeds = createFeedsService(db, box, createJobsService(db));
  const header = '证件号码,姓名,数据来源,事项,发生日期,金额（元）,说明';
  const csv =
    [
      header,
      ...records(count, 1).map((r) => `${r.idNumber},测试,${r.item[0]},${r.item[1]},${r.occurredOn},${r.amountYuan},`),
    ].join('\n') + '\n';
  const [result, importMs] = await timed(() =>
    feeds.importFeed(systemContext('bench'), {
      fileName: 'bench-feed.csv',
      buffer: Buffer.from(csv),
      dryRun: false,
      countyCode: BENCH_COUNTY,
    }),
  );
  if (result.errors.length > 0)
    throw new Error(`bench feed file has errors: ${JSON.stringify(result.errors.slice(0, 3))}`);

  // The floor loads a different set of records (other IDs), so that no key collides with the import's.
  const rows = records(count, 2).map((r) => {
    const idHash = box.hash(r.idNumber);
    const amountFen = r.amountYuan * 100;
    return {
      countyCode: BENCH_COUNTY,
      batchId: 1,
      source: r.item[2],
      item: r.item[3],
      idHash,
      idCipher: box.encrypt(r.idNumber),
      name: '测试',
      occurredOn: r.occurredOn,
      amountFen,
      attrs: {},
      recordKey: recordKeyOf({
        source: r.item[2],
        item: r.item[3],
        idHash,
        occurredOn: r.occurredOn,
        amountFen,
        attrs: {},
      }),
    };
  });
  const load = bench.pglite ? copyInto : insertInto;
  const [, floorMs] = await timed(async () => {
    for (let i = 0; i < rows.length; i += 5000) await load(bench, feedRecords, rows.slice(i, i + 5000));
  });
  return { importMs, floorMs, rows: count };
}
