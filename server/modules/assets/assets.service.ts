import type { z } from 'zod';
import type {
  assetCustodyInput,
  assetInput,
  assetListQuery,
  disposalInput,
  incomeInput,
  assetFilterQuery,
  AssetDetail,
  AssetRow,
  AssetSort,
  assetPage,
} from '../../../common/contracts/assets.ts';
import type { PagingQuery } from '../../../common/contracts/paging.ts';
import { incomeErrors } from '../../../common/domain/assets/rules.ts';
import { countyCodeOf, levelOfCode, orgFilterPrefix } from '../../../common/domain/org-code.ts';
import type { Db } from '../../db/connect.ts';
import { AppError } from '../../lib/app-error.ts';
import type { RequestContext } from '../../lib/context.ts';
import { pageWindow } from '../../lib/paging.ts';
import { requireInScope, requirePermission } from '../../lib/permissions.ts';
import { recordAudit } from '../audit/index.ts';
import { requireDecided } from '../deliberation/index.ts';
import {
  countAssets,
  findAsset,
  incomesOf,
  insertAsset,
  insertIncome,
  listAssets,
  nextAssetSerial,
  summary,
  updateAsset,
  type AssetFilter,
} from './assets.repository.ts';

// The asset ledger (扶贫项目资产台账, policy-rules §5). The county 总账 and the township/village 明细台账 are
// the same rows seen through the caller's scope. Income of operating assets is distributed by a decided
// 四议两公开 record of the asset's village; disposal records the proceeds, which go back to the owner.

type ListQuery = z.infer<typeof assetListQuery>;
type AssetFilterQuery = z.infer<typeof assetFilterQuery>;
type AssetPage = z.infer<typeof assetPage>;
type Input = z.infer<typeof assetInput>;
type Custody = z.infer<typeof assetCustodyInput>;
type Income = z.infer<typeof incomeInput>;
type Disposal = z.infer<typeof disposalInput>;

const NOT_FOUND = { zh: '资产', en: 'Asset' };
const STALE = new AppError('CONFLICT', {
  zh: '资产已被他人修改，请刷新后重试',
  en: 'The asset was changed; reload and retry',
});

export function toAssetRow(r: Awaited<ReturnType<typeof listAssets>>[number]): AssetRow {
  const a = r.a;
  return {
    id: a.id,
    code: a.code,
    name: a.name,
    category: a.category,
    projectId: a.projectId,
    projectName: r.projectName,
    originYear: a.originYear,
    fundSources: a.fundSources,
    originalValueFen: a.originalValueFen,
    bookValueFen: a.bookValueFen,
    orgCode: a.orgCode,
    orgName: r.orgName ?? a.orgCode,
    townshipName: levelOfCode(a.orgCode) === 'county' ? null : r.townshipName,
    location: a.location,
    quantity: Number(a.quantity),
    unit: a.unit,
    ownerLevel: a.ownerLevel,
    ownerName: a.ownerName,
    operator: a.operator,
    custodian: a.custodian,
    custodianPerson: a.custodianPerson,
    beneficiaries: a.beneficiaries,
    photovoltaic: a.photovoltaic,
    status: a.status,
    incomeFen: r.incomeFen,
    version: a.version,
  };
}

export function filterOf(q: AssetFilterQuery): AssetFilter {
  return {
    category: q.category,
    ownerLevel: q.ownerLevel,
    status: q.status,
    q: q.q,
    orgPrefix: orgFilterPrefix(q.orgCode),
  };
}

export function createAssetsService(db: Db) {
  /** One numbered page with the total when `page` is given; else the whole filtered ledger (older callers). */
  async function list(ctx: RequestContext, q: ListQuery): Promise<AssetRow[] | AssetPage> {
    if (q.page === undefined) return all(ctx, q);
    requirePermission(ctx, 'assets:read');
    if (q.orgCode) requireInScope(ctx, q.orgCode);
    const filter = filterOf(q);
    const [rows, total] = await Promise.all([
      listAssets(db, ctx.actor.scopePrefix, filter, q),
      countAssets(db, ctx.actor.scopePrefix, filter),
    ]);
    const win = pageWindow(q);
    return { items: rows.map(toAssetRow), total, page: win.page ?? 1, pageSize: win.pageSize };
  }

  /** Every asset the filters match, in the asked order (the ledger export reads this). */
  async function all(ctx: RequestContext, q: AssetFilterQuery & PagingQuery<AssetSort>): Promise<AssetRow[]> {
    requirePermission(ctx, 'assets:read');
    if (q.orgCode) requireInScope(ctx, q.orgCode);
    const rows = await listAssets(db, ctx.actor.scopePrefix, filterOf(q), { sort: q.sort, order: q.order });
    return rows.map(toAssetRow);
  }

  async function totals(ctx: RequestContext) {
    requirePermission(ctx, 'assets:read');
    return summary(db, ctx.actor.scopePrefix);
  }

  async function get(ctx: RequestContext, id: number): Promise<AssetDetail> {
    requirePermission(ctx, 'assets:read');
    const [row] = await listAssets(db, ctx.actor.scopePrefix, { id });
    if (!row) throw AppError.notFound(NOT_FOUND);
    const incomes = await incomesOf(db, id);
    return {
      ...toAssetRow(row),
      disposalReason: row.a.disposalReason,
      disposedOn: row.a.disposedOn,
      disposalProceedsFen: row.a.disposalProceedsFen,
      disposalNote: row.a.disposalNote,
      disposalDeliberationId: row.a.disposalDeliberationId,
      incomes: incomes.map((r) => ({
        id: r.i.id,
        year: r.i.year,
        receivedOn: r.i.receivedOn,
        amountFen: r.i.amountFen,
        distribution: r.i.distribution,
        deliberationId: r.i.deliberationId,
        deliberationSubject: r.subject,
        note: r.i.note,
      })),
    };
  }

  /** Assets found in the 清产核资 inventory that no project in the system formed (older projects). */
  async function create(ctx: RequestContext, input: Input) {
    requirePermission(ctx, 'assets:write');
    requireInScope(ctx, input.orgCode);
    if (ctx.actor.role === 'villageOfficer')
      throw new AppError('FORBIDDEN', {
        zh: '资产登记由乡镇或县级办理',
        en: 'Assets are registered by the township or county',
      });
    const countyCode = countyCodeOf(input.orgCode);
    const id = await db.transaction(async (tx) => {
      const prefix = `ZC${input.originYear}I`;
      const serial = await nextAssetSerial(tx, countyCode, prefix);
      const newId = await insertAsset(tx, {
        ...input,
        countyCode,
        code: `${prefix}${String(serial).padStart(5, '0')}`,
        createdBy: ctx.actor.id || null,
      });
      await recordAudit(tx, ctx, {
        action: 'create',
        entity: 'asset',
        entityId: newId,
        orgCode: input.orgCode,
        after: { name: input.name, category: input.category, originalValueFen: input.originalValueFen },
      });
      return newId;
    });
    return get(ctx, id);
  }

  /** 管护主体/责任人, operator and book value. */
  async function setCustody(ctx: RequestContext, id: number, input: Custody) {
    requirePermission(ctx, 'assets:write');
    await db.transaction(async (tx) => {
      const a = await findAsset(tx, id, ctx.actor.scopePrefix, true);
      if (!a) throw AppError.notFound(NOT_FOUND);
      const set = {
        operator: input.operator ?? null,
        custodian: input.custodian,
        custodianPerson: input.custodianPerson,
        ...(input.bookValueFen !== undefined ? { bookValueFen: input.bookValueFen } : {}),
      };
      if (!(await updateAsset(tx, id, input.version, set))) throw STALE;
      await recordAudit(tx, ctx, {
        action: 'custody',
        entity: 'asset',
        entityId: id,
        orgCode: a.orgCode,
        before: {
          operator: a.operator,
          custodian: a.custodian,
          custodianPerson: a.custodianPerson,
          bookValueFen: a.bookValueFen,
        },
        after: set,
      });
    });
    return get(ctx, id);
  }

  async function recordIncome(ctx: RequestContext, id: number, input: Income) {
    requirePermission(ctx, 'assets:write');
    await db.transaction(async (tx) => {
      const a = await findAsset(tx, id, ctx.actor.scopePrefix, true);
      if (!a) throw AppError.notFound(NOT_FOUND);
      if (a.status !== 'inUse') throw new AppError('CONFLICT', { zh: '资产已处置', en: 'The asset is disposed' });
      const errors = incomeErrors({
        category: a.category,
        photovoltaic: a.photovoltaic,
        amountFen: input.amountFen,
        distribution: input.distribution,
      });
      if (errors.length) throw AppError.validation(errors);
      // The decision is taken by the owning village; township and county assets use a record of the asset's village when it has one.
      await requireDecided(tx, ctx, input.deliberationId, levelOfCode(a.orgCode) === 'village' ? a.orgCode : null);
      const incomeId = await insertIncome(tx, {
        assetId: id,
        ...input,
        note: input.note ?? null,
        createdBy: ctx.actor.id || null,
      });
      await recordAudit(tx, ctx, {
        action: 'income',
        entity: 'asset',
        entityId: id,
        orgCode: a.orgCode,
        after: { incomeId, ...input },
      });
    });
    return get(ctx, id);
  }

  /**
   * 处置: disaster, accident, end of life or planning; the proceeds go back to the owner (recorded). A village-collective
   * asset is disposed by the owner's decision: a decided 四议两公开 record of that village (policy-rules §5, §8).
   */
  async function dispose(ctx: RequestContext, id: number, input: Disposal) {
    requirePermission(ctx, 'assets:write');
    if (ctx.actor.role === 'villageOfficer')
      throw new AppError('FORBIDDEN', {
        zh: '资产处置须经乡镇或县级审批登记',
        en: 'Disposal is recorded by the township or county',
      });
    await db.transaction(async (tx) => {
      const a = await findAsset(tx, id, ctx.actor.scopePrefix, true);
      if (!a) throw AppError.notFound(NOT_FOUND);
      if (a.status === 'disposed') throw new AppError('CONFLICT', { zh: '资产已处置', en: 'Already disposed' });
      const village = levelOfCode(a.orgCode) === 'village' ? a.orgCode : null;
      const collective = village !== null && a.ownerLevel !== 'household';
      if (collective && !input.deliberationId) {
        throw AppError.validation([
          {
            field: 'deliberationId',
            messageZh: '村集体资产处置须关联本村已决议并公开的四议两公开记录',
            messageEn: "Disposing of a village's collective asset needs the village's decided 四议两公开 record",
          },
        ]);
      }
      if (input.deliberationId) await requireDecided(tx, ctx, input.deliberationId, village);
      const note = `${input.note}（处置收入 ${(input.proceedsFen / 100).toFixed(2)} 元归所有权人：${a.ownerName}）`;
      const set = {
        status: 'disposed' as const,
        disposalReason: input.reason,
        disposedOn: input.disposedOn,
        disposalProceedsFen: input.proceedsFen,
        disposalNote: note,
        disposalDeliberationId: input.deliberationId ?? null,
        bookValueFen: 0,
      };
      if (!(await updateAsset(tx, id, input.version, set))) throw STALE;
      await recordAudit(tx, ctx, {
        action: 'dispose',
        entity: 'asset',
        entityId: id,
        orgCode: a.orgCode,
        before: { status: a.status, bookValueFen: a.bookValueFen },
        after: { ...set, proceedsTo: a.ownerName },
      });
    });
    return get(ctx, id);
  }

  return { list, all, totals, get, create, setCustody, recordIncome, dispose };
}

export type AssetsService = ReturnType<typeof createAssetsService>;
