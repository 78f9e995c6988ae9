import type { Writable } from 'node:stream';
import type { z } from 'zod';
import type {
  OutletInput,
  OutletRow,
  ProductInput,
  ProductRow,
  closeOutletInput,
  outletExportQuery,
  outletListQuery,
  productListQuery,
  saleInput,
  saleListQuery,
} from '../../../common/contracts/consumer-assistance.ts';
import { countyCodeOf, orgFilterPrefix } from '../../../common/domain/org-code.ts';
import { paramSourceText } from '../../../common/domain/params/source-text.ts';
import {
  OUTLET_CHANNELS,
  OUTLET_KINDS,
  PRODUCT_CATEGORIES,
  SUPPLIER_KINDS,
  zhOfCode,
  type ProductCategory,
} from '../../../common/domain/village-economy/codes.ts';
import { outletProgress, saleErrors, supplierErrors } from '../../../common/domain/village-economy/rules.ts';
import type { Db } from '../../db/connect.ts';
import { AppError } from '../../lib/app-error.ts';
import { todayInChina } from '../../lib/clock.ts';
import type { RequestContext } from '../../lib/context.ts';
import { countyOfActor } from '../../lib/county.ts';
import { pageWindow } from '../../lib/paging.ts';
import { requireInScope, requirePermission } from '../../lib/permissions.ts';
import { ledgerMeta, writeLedger, type Cell } from '../../lib/xlsx-ledger.ts';
import { recordAudit } from '../audit/index.ts';
import { numberParam, resolveAll } from '../params/index.ts';
import * as repo from './consumer-assistance.repository.ts';

// 消费帮扶 (沁发〔2021〕17号 §二(三)1 二是: 线上线下专柜、专区、专馆“三专”平台, 到2025年 2个专馆、2个专区、20个专柜):
// outlets with location and operator, counted against the targets (parameters consumer.target*, with the plan's
// sentence); products and their suppliers (a 脱贫户 or monitored household of the registry, or a 合作社 by name);
// monthly sales per outlet and product (fen; a correction replaces the month, audited with before/after).

type OutletListQuery = z.infer<typeof outletListQuery>;
type OutletExportQuery = z.infer<typeof outletExportQuery>;

const OUTLET = { zh: '消费帮扶网点', en: 'Outlet' };
const PRODUCT = { zh: '帮扶产品', en: 'Product' };

const yearOf = (day: string) => Number(day.slice(0, 4));

function toOutletRow(r: Awaited<ReturnType<typeof repo.listOutlets>>[number]): OutletRow {
  const x = r.outlet;
  return {
    id: x.id,
    orgCode: x.orgCode,
    orgName: r.orgName,
    kind: x.kind,
    channel: x.channel,
    name: x.name,
    location: x.location,
    operator: x.operator,
    openedOn: x.openedOn,
    closedOn: x.closedOn,
    closeNote: x.closeNote,
    salesYearFen: r.salesYearFen,
    salesTotalFen: r.salesTotalFen,
  };
}

function toProductRow(r: Awaited<ReturnType<typeof repo.listProducts>>[number]): ProductRow {
  const x = r.product;
  return {
    id: x.id,
    orgCode: x.orgCode,
    orgName: r.orgName,
    name: x.name,
    category: x.category as ProductCategory,
    supplierKind: x.supplierKind,
    householdId: x.householdId,
    householdNo: r.householdNo,
    supplierName: x.supplierKind === 'cooperative' ? x.supplierName : r.headName,
    salesTotalFen: r.salesTotalFen,
  };
}

export function createConsumerAssistanceService(db: Db) {
  const outletFilter = (q: OutletExportQuery, today: string) => ({
    kind: q.kind,
    status: q.status,
    orgPrefix: orgFilterPrefix(q.orgCode),
    q: q.q,
    today,
  });

  async function listOutlets(ctx: RequestContext, q: OutletListQuery) {
    requirePermission(ctx, 'programmes:read');
    const today = todayInChina();
    const where = repo.outletWhere(ctx.actor.scopePrefix, outletFilter(q, today));
    const w = pageWindow({ ...q, page: q.page ?? 1 });
    const [rows, total] = await Promise.all([
      repo.listOutlets(db, where, q, w, yearOf(today)),
      repo.countOutlets(db, where),
    ]);
    return { items: rows.map(toOutletRow), total, page: w.page ?? 1, pageSize: w.pageSize };
  }

  async function getOutlet(ctx: RequestContext, id: number): Promise<OutletRow> {
    const today = todayInChina();
    const [row] = await repo.listOutlets(
      db,
      repo.outletWhere(ctx.actor.scopePrefix, { id, today }),
      {},
      { pageSize: 1, offset: 0 },
      yearOf(today),
    );
    if (!row) throw AppError.notFound(OUTLET);
    return toOutletRow(row);
  }

  async function createOutlet(ctx: RequestContext, input: OutletInput): Promise<OutletRow> {
    requirePermission(ctx, 'programmes:write');
    requireInScope(ctx, input.orgCode);
    if (input.openedOn > todayInChina())
      throw AppError.validation([
        { field: 'openedOn', messageZh: '开设日期不能晚于今天', messageEn: 'The opening date is in the future' },
      ]);
    const id = await db.transaction(async (tx) => {
      const newId = await repo.insertOutlet(tx, {
        countyCode: countyCodeOf(input.orgCode),
        ...input,
        createdBy: ctx.actor.id || null,
      });
      await recordAudit(tx, ctx, {
        action: 'create',
        entity: 'consumer_outlet',
        entityId: newId,
        orgCode: input.orgCode,
        after: input,
      });
      return newId;
    });
    return getOutlet(ctx, id);
  }

  /** Closes an outlet (end-dated; it and its sales stay). */
  async function closeOutlet(ctx: RequestContext, id: number, input: z.infer<typeof closeOutletInput>) {
    requirePermission(ctx, 'programmes:write');
    await db.transaction(async (tx) => {
      const outlet = await repo.findOutlet(tx, ctx.actor.scopePrefix, id, true);
      if (!outlet) throw AppError.notFound(OUTLET);
      if (outlet.closedOn) throw new AppError('CONFLICT', { zh: '网点已关闭', en: 'The outlet is already closed' });
      if (input.closedOn < outlet.openedOn || input.closedOn > todayInChina())
        throw AppError.validation([
          {
            field: 'closedOn',
            messageZh: '关闭日期须在开设日期之后且不晚于今天',
            messageEn: 'The closing date lies between the opening date and today',
          },
        ]);
      await repo.closeOutlet(tx, id, input.closedOn, input.note ?? null);
      await recordAudit(tx, ctx, {
        action: 'close',
        entity: 'consumer_outlet',
        entityId: id,
        orgCode: outlet.orgCode,
        before: { closedOn: null },
        after: { closedOn: input.closedOn, note: input.note ?? null },
      });
    });
    return getOutlet(ctx, id);
  }

  async function listProducts(ctx: RequestContext, q: z.infer<typeof productListQuery>) {
    requirePermission(ctx, 'programmes:read');
    const where = repo.productWhere(ctx.actor.scopePrefix, {
      supplierKind: q.supplierKind,
      category: q.category,
      orgPrefix: orgFilterPrefix(q.orgCode),
      householdId: q.householdId,
      q: q.q,
    });
    const w = pageWindow({ ...q, page: q.page ?? 1 });
    const [rows, total] = await Promise.all([repo.listProducts(db, where, q, w), repo.countProducts(db, where)]);
    return { items: rows.map(toProductRow), total, page: w.page ?? 1, pageSize: w.pageSize };
  }

  /** A product and its supplier: a 脱贫户/monitored household of the registry (in scope), or a cooperative by name. */
  async function createProduct(ctx: RequestContext, input: ProductInput): Promise<ProductRow> {
    requirePermission(ctx, 'programmes:write');
    const household =
      input.supplierKind === 'household' && input.householdId
        ? await repo.householdFacts(db, ctx.actor.scopePrefix, input.householdId)
        : undefined;
    const errors = supplierErrors({
      supplierKind: input.supplierKind,
      household: household
        ? { kind: household.kind, monitoringStatus: household.monitoring_status, closed: household.closed_on !== null }
        : null,
      supplierName: input.supplierName ?? null,
    });
    if (input.supplierKind === 'cooperative' && !input.orgCode)
      errors.push({ field: 'orgCode', messageZh: '请选择合作社所在单位', messageEn: 'Choose the cooperative’s unit' });
    if (errors.length) throw AppError.validation(errors);
    const orgCode = input.supplierKind === 'household' ? household!.village_code : input.orgCode!;
    requireInScope(ctx, orgCode);
    const id = await db.transaction(async (tx) => {
      const newId = await repo.insertProduct(tx, {
        countyCode: countyCodeOf(orgCode),
        orgCode,
        name: input.name,
        category: input.category,
        supplierKind: input.supplierKind,
        householdId: input.supplierKind === 'household' ? household!.id : null,
        supplierName: input.supplierKind === 'cooperative' ? input.supplierName! : null,
        createdBy: ctx.actor.id || null,
      });
      await recordAudit(tx, ctx, {
        action: 'create',
        entity: 'consumer_product',
        entityId: newId,
        orgCode,
        after: { ...input, orgCode },
      });
      return newId;
    });
    const [row] = await repo.listProducts(
      db,
      repo.productWhere(ctx.actor.scopePrefix, { id }),
      {},
      { pageSize: 1, offset: 0 },
    );
    if (!row) throw AppError.notFound(PRODUCT);
    return toProductRow(row);
  }

  async function listSales(ctx: RequestContext, q: z.infer<typeof saleListQuery>) {
    requirePermission(ctx, 'programmes:read');
    const where = repo.saleWhere(ctx.actor.scopePrefix, {
      year: q.year,
      period: q.period,
      outletId: q.outletId,
      productId: q.productId,
      orgPrefix: orgFilterPrefix(q.orgCode),
    });
    const w = pageWindow({ ...q, page: q.page ?? 1 });
    const [rows, totals] = await Promise.all([repo.listSales(db, where, q, w), repo.saleTotals(db, where)]);
    return {
      items: rows.map((r) => ({
        id: r.sale.id,
        orgCode: r.sale.orgCode,
        outletId: r.sale.outletId,
        outletName: r.outletName,
        outletKind: r.outletKind,
        productId: r.sale.productId,
        productName: r.productName,
        supplierKind: r.supplierKind,
        supplierName: r.supplierName,
        period: r.sale.period,
        amountFen: r.sale.amountFen,
      })),
      total: totals.count,
      totalFen: totals.totalFen,
      page: w.page ?? 1,
      pageSize: w.pageSize,
    };
  }

  /** A month's sales of a product at an outlet; a second entry for the same month replaces it (audited). */
  async function recordSale(ctx: RequestContext, input: z.infer<typeof saleInput>) {
    requirePermission(ctx, 'programmes:write');
    await db.transaction(async (tx) => {
      const outlet = await repo.findOutlet(tx, ctx.actor.scopePrefix, input.outletId, true);
      if (!outlet)
        throw AppError.validation([
          { field: 'outletId', messageZh: '本辖区无此网点', messageEn: 'No such outlet in your scope' },
        ]);
      const [product] = await repo.listProducts(
        tx,
        repo.productWhere(ctx.actor.scopePrefix, { id: input.productId }),
        {},
        { pageSize: 1, offset: 0 },
      );
      const errors = saleErrors({
        period: input.period,
        openedOn: outlet.openedOn,
        closedOn: outlet.closedOn,
        today: todayInChina(),
      });
      if (!product)
        errors.push({ field: 'productId', messageZh: '本辖区无此产品', messageEn: 'No such product in your scope' });
      if (errors.length) throw AppError.validation(errors);
      const before = await repo.findSale(tx, input.outletId, input.productId, input.period);
      const id = await repo.upsertSale(tx, {
        countyCode: outlet.countyCode,
        orgCode: outlet.orgCode,
        outletId: input.outletId,
        productId: input.productId,
        period: input.period,
        amountFen: input.amountFen,
        createdBy: ctx.actor.id || null,
      });
      await recordAudit(tx, ctx, {
        action: before ? 'update' : 'create',
        entity: 'consumer_sale',
        entityId: id,
        orgCode: outlet.orgCode,
        before: before ? { period: before.period, amountFen: before.amountFen } : null,
        after: input,
      });
    });
    return listSales(ctx, {
      outletId: input.outletId,
      productId: input.productId,
      period: input.period,
      order: 'asc',
    });
  }

  /** Outlets open today against the 2/2/20 targets, this year's sales by month, suppliers. */
  async function summary(ctx: RequestContext, q: { year?: number }) {
    requirePermission(ctx, 'programmes:read');
    const today = todayInChina();
    const year = q.year ?? yearOf(today);
    const params = await resolveAll(db, countyOfActor(ctx), today.slice(0, 7));
    const targets = {
      pavilion: numberParam(params, 'consumer.targetPavilions'),
      zone: numberParam(params, 'consumer.targetZones'),
      counter: numberParam(params, 'consumer.targetCounters'),
    };
    const [spans, months, suppliers] = await Promise.all([
      repo.outletSpans(db, ctx.actor.scopePrefix),
      repo.salesByMonth(db, ctx.actor.scopePrefix, year),
      repo.supplierCounts(db, ctx.actor.scopePrefix),
    ]);
    const sourceRow = params['consumer.targetCounters'];
    return {
      asOf: today,
      targetSource: sourceRow ? paramSourceText('consumer.targetCounters', sourceRow, 'zh-CN') : '',
      progress: outletProgress(spans, targets, today),
      year,
      salesYearFen: months.reduce((s, m) => s + m.amountFen, 0),
      salesByMonth: months,
      suppliers,
    };
  }

  /** 消费帮扶网点台账 (.xlsx): the outlet list under the same filters, and their monthly sales; audited. */
  async function exportOutlets(ctx: RequestContext, q: OutletExportQuery) {
    requirePermission(ctx, 'programmes:read');
    const today = todayInChina();
    const year = yearOf(today);
    const where = repo.outletWhere(ctx.actor.scopePrefix, outletFilter(q, today));
    const total = await repo.countOutlets(db, where);
    await db.transaction((tx) =>
      recordAudit(tx, ctx, {
        action: 'export',
        entity: 'consumer_outlet',
        orgCode: ctx.actor.orgCode,
        after: { ledger: '消费帮扶网点台账', rows: total, filters: q },
      }),
    );
    const pageSize = 500;
    const ids: number[] = [];
    async function* outlets(): AsyncGenerator<Cell[]> {
      for (let offset = 0; ; offset += pageSize) {
        const batch = await repo.listOutlets(db, where, { sort: 'orgCode' }, { pageSize, offset }, year);
        for (const r of batch.map(toOutletRow)) {
          ids.push(r.id);
          yield [
            zhOfCode(OUTLET_KINDS, r.kind),
            r.name,
            zhOfCode(OUTLET_CHANNELS, r.channel),
            r.orgName,
            r.location,
            r.operator,
            r.openedOn,
            r.closedOn,
            r.salesYearFen / 100,
            r.salesTotalFen / 100,
          ];
        }
        if (batch.length < pageSize) return;
      }
    }
    async function* sales(): AsyncGenerator<Cell[]> {
      // Written after the outlet sheet: the sales of the outlets listed there.
      for (let i = 0; i < ids.length; i += pageSize) {
        const chunk = ids.slice(i, i + pageSize);
        for (const outletId of chunk) {
          const rows = await repo.listSales(
            db,
            repo.saleWhere(ctx.actor.scopePrefix, { outletId }),
            { sort: 'period' },
            { pageSize: 10_000, offset: 0 },
          );
          for (const r of rows)
            yield [
              r.sale.period,
              r.outletName,
              zhOfCode(OUTLET_KINDS, r.outletKind),
              r.productName,
              zhOfCode(SUPPLIER_KINDS, r.supplierKind),
              r.supplierName,
              r.sale.amountFen / 100,
            ];
        }
      }
    }
    return (out: Writable) =>
      writeLedger(
        out,
        [
          {
            title: '消费帮扶网点',
            headers: [
              '类型',
              '网点名称',
              '线上/线下',
              '所属单位',
              '地点',
              '运营主体',
              { header: '开设日期', kind: 'date' },
              { header: '关闭日期', kind: 'date' },
              { header: `${year}年销售额(元)`, kind: 'yuan' },
              { header: '累计销售额(元)', kind: 'yuan' },
            ],
            rows: outlets(),
          },
          {
            title: '月度销售',
            headers: [
              { header: '月份', kind: 'code' },
              '网点名称',
              '类型',
              '产品',
              '供货方类型',
              '供货方',
              { header: '销售额(元)', kind: 'yuan' },
            ],
            rows: sales(),
          },
        ],
        ledgerMeta(ctx),
      );
  }

  return {
    listOutlets,
    createOutlet,
    closeOutlet,
    listProducts,
    createProduct,
    listSales,
    recordSale,
    summary,
    exportOutlets,
  };
}

export type ConsumerAssistanceService = ReturnType<typeof createConsumerAssistanceService>;

/** The Chinese name of a product category (ledgers, demo). */
export const categoryZh = (code: string) => zhOfCode(PRODUCT_CATEGORIES, code);
