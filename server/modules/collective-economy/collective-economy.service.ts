import type { Writable } from 'node:stream';
import type { z } from 'zod';
import type {
  CollectiveInput,
  VillageIncomeRow,
  collectiveExportQuery,
  collectiveListQuery,
} from '../../../common/contracts/collective-economy.ts';
import { levelOfCode, orgFilterPrefix, scopePrefixOf } from '../../../common/domain/org-code.ts';
import { NOT_FOUND } from '../../../common/domain/params/param-seed.ts';
import {
  collectiveTotalFen,
  collectiveYearErrors,
  isWeakVillage,
} from '../../../common/domain/village-economy/rules.ts';
import type { Db } from '../../db/connect.ts';
import { AppError } from '../../lib/app-error.ts';
import { todayInChina } from '../../lib/clock.ts';
import type { RequestContext } from '../../lib/context.ts';
import { countyOfActor } from '../../lib/county.ts';
import { pageWindow } from '../../lib/paging.ts';
import { requireInScope, requirePermission } from '../../lib/permissions.ts';
import { ledgerMeta, writeLedger, type Cell } from '../../lib/xlsx-ledger.ts';
import { villageAssetIncome, type VillageAssetIncome } from '../assets/index.ts';
import { recordAudit } from '../audit/index.ts';
import { numberParam, resolveAll } from '../params/index.ts';
import * as repo from './collective-economy.repository.ts';

// 村集体经济 (沁发〔2021〕17号 §二(三)1 四是: 光伏电站收益“持续增加村集体经济收入”; §二(一)5 经营性资产收益; §三(一)
// 发展壮大脱贫村集体经济). A village's yearly collective income by source, entered by the village or its township;
// a correction supersedes the current entry (history kept). The list per year names the township totals and the
// villages below the weak line (parameter collective.weakIncomeFen: the plan names none, marked not found). The asset
// ledger's income of village-owned assets is shown beside the entered amounts (assets/index.ts villageAssetIncome).

type ListQuery = z.infer<typeof collectiveListQuery>;
type ExportQuery = z.infer<typeof collectiveExportQuery>;

const VILLAGE = { zh: '行政村', en: 'Village' };

const num = (v: string | number | null) => (v === null ? 0 : Number(v));
const iso = (v: string | Date | null) => (v === null ? null : v instanceof Date ? v.toISOString() : String(v));

export function createCollectiveEconomyService(db: Db) {
  async function weakLine(ctx: RequestContext, year: number) {
    const params = await resolveAll(db, countyOfActor(ctx), `${year}-12`);
    return {
      weakLineFen: numberParam(params, 'collective.weakIncomeFen'),
      weakLineNotFound: (params['collective.weakIncomeFen']?.source ?? '').startsWith(NOT_FOUND),
    };
  }

  function toRow(r: repo.VillageRowDb, year: number, line: number, ledger: Map<string, VillageAssetIncome>) {
    const amounts = {
      assetFen: num(r.asset_fen),
      photovoltaicFen: num(r.photovoltaic_fen),
      landFen: num(r.land_fen),
      operationsFen: num(r.operations_fen),
      otherFen: num(r.other_fen),
    };
    const totalFen = collectiveTotalFen(amounts);
    const l = ledger.get(r.code);
    return {
      orgCode: r.code,
      villageName: r.name,
      townshipCode: `${r.code.slice(0, 9)}000`,
      townshipName: r.township_name,
      year,
      entered: r.id !== null,
      ...amounts,
      totalFen,
      weak: r.id !== null && isWeakVillage(totalFen, line),
      ledger: { photovoltaicFen: l?.photovoltaicFen ?? 0, assetFen: l?.assetFen ?? 0 },
      note: r.note,
      enteredAt: iso(r.created_at),
    } satisfies VillageIncomeRow;
  }

  const filterOf = (ctx: RequestContext, q: ExportQuery, weakLineFen: number) =>
    repo.villageFrom(ctx.actor.scopePrefix, {
      year: q.year,
      weakLineFen,
      orgPrefix: orgFilterPrefix(q.orgCode),
      status: q.status,
      q: q.q,
    });

  async function ledgerOf(ctx: RequestContext, year: number, orgCode?: string) {
    const rows = await villageAssetIncome(db, ctx.actor.scopePrefix, {
      years: [year],
      orgPrefix: orgCode && scopePrefixOf(orgCode),
    });
    return new Map(rows.map((r) => [r.orgCode, r]));
  }

  /** The villages of a year with their entry (or 未填报), township totals over every filtered village. */
  async function list(ctx: RequestContext, q: ListQuery) {
    requirePermission(ctx, 'programmes:read');
    const line = await weakLine(ctx, q.year);
    const from = filterOf(ctx, q, line.weakLineFen);
    const w = pageWindow({ ...q, page: q.page ?? 1 });
    const [rows, townships, ledger] = await Promise.all([
      repo.listVillages(db, from, q, w),
      repo.townshipTotals(db, from, line.weakLineFen),
      ledgerOf(ctx, q.year, q.orgCode),
    ]);
    return {
      items: rows.map((r) => toRow(r, q.year, line.weakLineFen, ledger)),
      total: townships.reduce((s, t) => s + t.villages, 0),
      page: w.page ?? 1,
      pageSize: w.pageSize,
      year: q.year,
      ...line,
      townships,
      totalFen: townships.reduce((s, t) => s + t.totalFen, 0),
    };
  }

  async function requireVillage(ctx: RequestContext, orgCode: string) {
    const village = await repo.findVillage(db, ctx.actor.scopePrefix, orgCode);
    if (!village) throw AppError.notFound(VILLAGE);
    if (village.level !== 'village' || levelOfCode(orgCode) !== 'village')
      throw AppError.validation([
        {
          field: 'orgCode',
          messageZh: '集体经济收入按行政村登记',
          messageEn: 'Collective income is entered for a village',
        },
      ]);
    return village;
  }

  /** Every entry of a village (current and superseded) and the asset ledger's income by year. */
  async function history(ctx: RequestContext, orgCode: string) {
    requirePermission(ctx, 'programmes:read');
    const village = await requireVillage(ctx, orgCode);
    const entries = await repo.entriesOf(db, orgCode);
    const ledger = await villageAssetIncome(db, ctx.actor.scopePrefix, { orgPrefix: orgCode });
    return {
      orgCode,
      villageName: village.name,
      entries: entries.map(({ entry: e, createdByName }) => ({
        id: e.id,
        year: e.year,
        assetFen: e.assetFen,
        photovoltaicFen: e.photovoltaicFen,
        landFen: e.landFen,
        operationsFen: e.operationsFen,
        otherFen: e.otherFen,
        totalFen: collectiveTotalFen(e),
        note: e.note,
        createdByName,
        createdAt: e.createdAt.toISOString(),
        supersededAt: e.supersededAt ? e.supersededAt.toISOString() : null,
      })),
      ledgerByYear: ledger
        .map(({ year, photovoltaicFen, assetFen }) => ({ year, photovoltaicFen, assetFen }))
        .sort((a, b) => b.year - a.year),
    };
  }

  /** Enter or correct a village's year: the current entry is superseded, the new one inserted, audited. */
  async function save(ctx: RequestContext, orgCode: string, year: number, input: CollectiveInput) {
    requirePermission(ctx, 'programmes:write');
    requireInScope(ctx, orgCode);
    const village = await requireVillage(ctx, orgCode);
    const errors = collectiveYearErrors(year, todayInChina());
    if (errors.length) throw AppError.validation(errors);
    await db.transaction(async (tx) => {
      const current = await repo.currentEntry(tx, orgCode, year, true);
      if (current) await repo.supersede(tx, current.id);
      const id = await repo.insertEntry(tx, {
        countyCode: village.county_code,
        orgCode,
        year,
        assetFen: input.assetFen,
        photovoltaicFen: input.photovoltaicFen,
        landFen: input.landFen,
        operationsFen: input.operationsFen,
        otherFen: input.otherFen,
        note: input.note ?? null,
        createdBy: ctx.actor.id || null,
      });
      const amounts = (e: CollectiveInput | typeof current) =>
        e
          ? {
              year,
              assetFen: e.assetFen,
              photovoltaicFen: e.photovoltaicFen,
              landFen: e.landFen,
              operationsFen: e.operationsFen,
              otherFen: e.otherFen,
              note: e.note ?? null,
            }
          : null;
      await recordAudit(tx, ctx, {
        action: current ? 'update' : 'create',
        entity: 'collective_income',
        entityId: id,
        orgCode,
        before: amounts(current),
        after: amounts(input),
      });
    });
    return history(ctx, orgCode);
  }

  /** 村集体经济收入台账 (.xlsx): the list's villages under the same filters, with township totals; audited. */
  async function exportLedger(ctx: RequestContext, q: ExportQuery) {
    requirePermission(ctx, 'programmes:read');
    const line = await weakLine(ctx, q.year);
    const from = filterOf(ctx, q, line.weakLineFen);
    const townships = await repo.townshipTotals(db, from, line.weakLineFen);
    const ledger = await ledgerOf(ctx, q.year, q.orgCode);
    const rowsTotal = townships.reduce((s, t) => s + t.villages, 0);
    await db.transaction((tx) =>
      recordAudit(tx, ctx, {
        action: 'export',
        entity: 'collective_income',
        orgCode: ctx.actor.orgCode,
        after: { ledger: '村集体经济收入台账', rows: rowsTotal, filters: q },
      }),
    );
    const yuan = (fen: number) => fen / 100;
    async function* villages(): AsyncGenerator<Cell[]> {
      const pageSize = 500;
      for (let offset = 0; ; offset += pageSize) {
        const batch = await repo.listVillages(db, from, { sort: 'orgCode' }, { pageSize, offset });
        for (const r of batch.map((x) => toRow(x, q.year, line.weakLineFen, ledger)))
          yield [
            r.townshipName,
            r.villageName,
            r.orgCode,
            r.year,
            r.entered ? yuan(r.assetFen) : null,
            r.entered ? yuan(r.photovoltaicFen) : null,
            r.entered ? yuan(r.landFen) : null,
            r.entered ? yuan(r.operationsFen) : null,
            r.entered ? yuan(r.otherFen) : null,
            r.entered ? yuan(r.totalFen) : null,
            r.entered ? (r.weak ? '是' : '否') : '未填报',
            yuan(r.ledger.photovoltaicFen),
            yuan(r.ledger.assetFen),
            r.note,
          ];
        if (batch.length < pageSize) return;
      }
    }
    async function* totals(): AsyncGenerator<Cell[]> {
      for (const t of townships) yield [t.name, t.code, t.villages, t.entered, t.weak, yuan(t.totalFen)];
      yield [
        '合计',
        null,
        rowsTotal,
        townships.reduce((s, t) => s + t.entered, 0),
        townships.reduce((s, t) => s + t.weak, 0),
        yuan(townships.reduce((s, t) => s + t.totalFen, 0)),
      ];
    }
    return (out: Writable) =>
      writeLedger(
        out,
        [
          {
            title: `${q.year}年村集体经济收入`,
            headers: [
              '乡镇',
              '行政村',
              { header: '村代码', kind: 'code' },
              { header: '年度', kind: 'integer' },
              { header: '经营性资产收益(元)', kind: 'yuan' },
              { header: '光伏电站收益(元)', kind: 'yuan' },
              { header: '土地发包租赁收入(元)', kind: 'yuan' },
              { header: '集体经营收入(元)', kind: 'yuan' },
              { header: '其他收入(元)', kind: 'yuan' },
              { header: '合计(元)', kind: 'yuan' },
              `低于${line.weakLineFen / 100}元`,
              { header: '资产台账光伏收益(元)', kind: 'yuan' },
              { header: '资产台账其他资产收益(元)', kind: 'yuan' },
              '说明',
            ],
            rows: villages(),
          },
          {
            title: '乡镇合计',
            headers: [
              '乡镇',
              { header: '乡镇代码', kind: 'code' },
              { header: '行政村数', kind: 'integer' },
              { header: '已填报', kind: 'integer' },
              { header: '薄弱村', kind: 'integer' },
              { header: '合计(元)', kind: 'yuan' },
            ],
            rows: totals(),
          },
        ],
        ledgerMeta(ctx),
      );
  }

  return { list, history, save, exportLedger };
}

export type CollectiveEconomyService = ReturnType<typeof createCollectiveEconomyService>;
