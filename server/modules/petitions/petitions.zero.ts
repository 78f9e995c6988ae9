import type { Writable } from 'node:stream';
import type { z } from 'zod';
import type { ZeroPetitionPage, zeroPetitionQuery } from '#common/contracts/petitions.ts';
import { orgFilterPrefix } from '#common/domain/org-code.ts';
import type { RequestContext } from '#server/lib/context.ts';
import { pageWindow } from '#server/lib/paging.ts';
import { requirePermission } from '#server/lib/permissions.ts';
import { ledgerMeta, writeLedger, type Cell, type SheetContent } from '#server/lib/xlsx-ledger.ts';
import * as repo from './petitions.repository.ts';
import { audited, today, type PetitionsDeps, type ZeroExportQuery } from './petitions.shared.ts';

// 零上访 villages (沁发〔2021〕17号 二(三)6 三是 “零上访”村创建): per open village of a year (default: this year on
// the China day), its 信访 and 舆情 counts; 零上访 = no 信访 that year. The page, the township summary and the ledger.

function zeroFilter(d: PetitionsDeps, q: ZeroExportQuery): repo.ZeroFilter {
  return { year: q.year ?? Number(today(d).slice(0, 4)), orgPrefix: orgFilterPrefix(q.orgCode), zero: q.zero };
}

const toZeroRow = (r: repo.ZeroDbRow) => ({
  orgCode: r.org_code,
  villageName: r.village_name,
  townshipCode: r.township_code,
  townshipName: r.township_name,
  petitions: Number(r.petitions),
  publicOpinion: Number(r.public_opinion),
  openPetitions: Number(r.open_petitions),
  zeroPetition: Number(r.petitions) === 0,
});

/** 零上访 villages of a year (default: this year on the China day), per village and per township. */
export async function zeroPetition(
  d: PetitionsDeps,
  ctx: RequestContext,
  q: z.infer<typeof zeroPetitionQuery>,
): Promise<ZeroPetitionPage> {
  requirePermission(ctx, 'clues:read');
  const f = zeroFilter(d, q);
  const w = pageWindow({ ...q, page: q.page ?? 1 });
  const [rows, total, townships] = await Promise.all([
    repo.zeroPetitionRows(d.db, ctx.actor.scopePrefix, f, q, w),
    repo.zeroPetitionCount(d.db, ctx.actor.scopePrefix, f),
    repo.zeroPetitionTownships(d.db, ctx.actor.scopePrefix, f),
  ]);
  return {
    year: f.year,
    items: rows.map(toZeroRow),
    total,
    page: w.page ?? 1,
    pageSize: w.pageSize,
    townships: townships.map((t) => ({
      townshipCode: t.township_code,
      townshipName: t.township_name,
      villages: Number(t.villages),
      zeroVillages: Number(t.zero_villages),
      petitions: Number(t.petitions ?? 0),
    })),
  };
}

const VILLAGE_HEADERS: SheetContent['headers'] = [
  { header: '年度', kind: 'integer' },
  '乡镇',
  '村',
  { header: '信访事项(件)', kind: 'integer' },
  { header: '其中未办结(件)', kind: 'integer' },
  { header: '舆情(件)', kind: 'integer' },
  '零上访',
];
const TOWNSHIP_HEADERS: SheetContent['headers'] = [
  { header: '年度', kind: 'integer' },
  '乡镇',
  { header: '行政村(个)', kind: 'integer' },
  { header: '零上访村(个)', kind: 'integer' },
  { header: '信访事项(件)', kind: 'integer' },
];

async function* villageRows(d: PetitionsDeps, scopePrefix: string, f: repo.ZeroFilter): AsyncGenerator<Cell[]> {
  const pageSize = 500;
  for (let offset = 0; ; offset += pageSize) {
    const batch = await repo.zeroPetitionRows(d.db, scopePrefix, f, {}, { pageSize, offset });
    for (const r of batch.map(toZeroRow))
      yield [
        f.year,
        r.townshipName,
        r.villageName,
        r.petitions,
        r.openPetitions,
        r.publicOpinion,
        r.zeroPetition ? '是' : '否',
      ];
    if (batch.length < pageSize) return;
  }
}

/** 零上访村台账 (.xlsx): the filtered villages of the year, and the township summary. */
export async function exportZeroPetition(d: PetitionsDeps, ctx: RequestContext, q: ZeroExportQuery) {
  requirePermission(ctx, 'clues:read');
  const f = zeroFilter(d, q);
  const scope = ctx.actor.scopePrefix;
  const total = await repo.zeroPetitionCount(d.db, scope, f);
  const townships = await repo.zeroPetitionTownships(d.db, scope, f);
  await audited(d, ctx, '零上访村台账', total, q);
  async function* townshipRows(): AsyncGenerator<Cell[]> {
    for (const t of townships)
      yield [f.year, t.township_name, Number(t.villages), Number(t.zero_villages), Number(t.petitions ?? 0)];
  }
  return (out: Writable) =>
    writeLedger(
      out,
      [
        { title: '零上访村', headers: VILLAGE_HEADERS, rows: villageRows(d, scope, f) },
        { title: '按乡镇汇总', headers: TOWNSHIP_HEADERS, rows: townshipRows() },
      ],
      ledgerMeta(ctx),
    );
}
