import type { Writable } from 'node:stream';
import type { SheetRow } from '#common/contracts/key-villages.ts';
import { DECISION_KINDS, FACTORS } from '#common/domain/key-villages/rules.ts';
import type { RequestContext } from '#server/lib/context.ts';
import { countyOfActor } from '#server/lib/county.ts';
import { requirePermission } from '#server/lib/permissions.ts';
import { ledgerMeta, writeLedger, type Cell, type SheetContent } from '#server/lib/xlsx-ledger.ts';
import { recordAudit } from '../audit/index.ts';
import { countySheet, select, type ExportQuery, type KeyVillagesDeps } from './key-villages.shared.ts';

// 重点帮扶村评分排序表 (.xlsx): the villages the list's filters select with facts and needs, and the weights.

type Weights = Awaited<ReturnType<typeof countySheet>>['weights']['rows'];

const kindZh = (k: 'key' | 'demo' | null) => DECISION_KINDS.find((d) => d.code === k)?.zh ?? '';

async function* body(rows: readonly SheetRow[]): AsyncGenerator<Cell[]> {
  for (const r of rows)
    yield [
      r.rank,
      r.townshipName,
      r.villageName,
      r.orgCode,
      r.score,
      r.facts.alleviatedPopulation,
      r.facts.collectiveIncome === null ? null : r.facts.collectiveIncome / 100,
      r.facts.location,
      r.facts.publicService,
      r.facts.infrastructure,
      r.facts.resources,
      ...FACTORS.map((f) => r.needs[f.code]),
      r.missing.map((m) => FACTORS.find((f) => f.code === m)?.zh ?? m).join('、'),
      kindZh(r.decided),
      r.note,
    ];
}

async function* weights(rows: Weights): AsyncGenerator<Cell[]> {
  for (const w of rows)
    yield [
      FACTORS.find((f) => f.code === w.factor)?.zh ?? w.factor,
      w.weight,
      w.notFound ? '方案未给权重，为默认值' : '',
    ];
}

const SHEET_HEADERS: SheetContent['headers'] = [
  { header: '名次', kind: 'integer' },
  '乡镇',
  '行政村',
  { header: '村代码', kind: 'code' },
  { header: '综合得分', kind: 'number' },
  { header: '脱贫人口(人)', kind: 'integer' },
  { header: '集体经济收入(元)', kind: 'yuan' },
  { header: '区位条件评分', kind: 'number' },
  { header: '公共服务评分', kind: 'number' },
  { header: '基础设施评分', kind: 'number' },
  { header: '资源禀赋评分', kind: 'number' },
  ...FACTORS.map((f) => ({ header: `${f.zh}需要度`, kind: 'number' as const })),
  '缺项',
  '现行认定',
  '说明',
];

/** 重点帮扶村评分排序表 (.xlsx): the villages the list's filters select, in rank order, with facts and needs; audited. */
export async function exportSheet({ db }: KeyVillagesDeps, ctx: RequestContext, q: ExportQuery) {
  requirePermission(ctx, 'programmes:read');
  const sheet = await countySheet(db, countyOfActor(ctx), q.year);
  const rows = select(ctx, sheet.rows, q);
  await db.transaction((tx) =>
    recordAudit(tx, ctx, {
      action: 'export',
      entity: 'key_village_score',
      orgCode: ctx.actor.orgCode,
      after: { ledger: '重点帮扶村评分排序表', rows: rows.length, filters: q },
    }),
  );
  return (out: Writable) =>
    writeLedger(
      out,
      [
        { title: `${q.year}年重点帮扶村评分排序`, headers: SHEET_HEADERS, rows: body(rows) },
        {
          title: '权重',
          headers: ['因素', { header: '权重', kind: 'number' }, '来源'],
          rows: weights(sheet.weights.rows),
        },
      ],
      ledgerMeta(ctx),
    );
}
