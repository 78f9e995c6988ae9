import type { z } from 'zod';
import type { assetCustodyInput, disposalInput, incomeInput } from '#common/contracts/assets.ts';
import { incomeErrors } from '#common/domain/assets/rules.ts';
import { levelOfCode } from '#common/domain/org-code.ts';
import type { Db } from '#server/db/connect.ts';
import { AppError } from '#server/lib/app-error.ts';
import type { RequestContext } from '#server/lib/context.ts';
import { requirePermission } from '#server/lib/permissions.ts';
import { recordAudit } from '../audit/index.ts';
import { requireDecided } from '../deliberation/index.ts';
import { get } from './assets.read.ts';
import { findAsset, insertIncome, updateAsset } from './assets.repository.ts';
import { NOT_FOUND, requireAboveVillage, STALE, type AssetsDeps } from './assets.shared.ts';

// An asset in use: its custody, its income (distributed by a decided 四议两公开 record of the asset's village), its
// disposal (the proceeds go back to the owner). Each in one transaction with its audit row.

type Custody = z.infer<typeof assetCustodyInput>;
type Income = z.infer<typeof incomeInput>;
type Disposal = z.infer<typeof disposalInput>;
type AssetRecord = NonNullable<Awaited<ReturnType<typeof findAsset>>>;

/** The asset in scope, locked for the write. */
async function lockedAsset(tx: Db, ctx: RequestContext, id: number): Promise<AssetRecord> {
  const a = await findAsset(tx, id, ctx.actor.scopePrefix, true);
  if (!a) throw AppError.notFound(NOT_FOUND);
  return a;
}

/** 管护主体/责任人, operator and book value. */
export async function setCustody(d: AssetsDeps, ctx: RequestContext, id: number, input: Custody) {
  requirePermission(ctx, 'assets:write');
  await d.db.transaction(async (tx) => {
    const a = await lockedAsset(tx, ctx, id);
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
  return get(d, ctx, id);
}

export async function recordIncome(d: AssetsDeps, ctx: RequestContext, id: number, input: Income) {
  requirePermission(ctx, 'assets:write');
  await d.db.transaction(async (tx) => {
    const a = await lockedAsset(tx, ctx, id);
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
  return get(d, ctx, id);
}

/** A village-collective asset is disposed of by the owner's decision: a decided 四议两公开 record of that village. */
async function requireDisposalDecision(tx: Db, ctx: RequestContext, a: AssetRecord, input: Disposal) {
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
}

/**
 * 处置: disaster, accident, end of life or planning; the proceeds go back to the owner (recorded). A village-collective
 * asset is disposed by the owner's decision: a decided 四议两公开 record of that village (policy-rules §5, §8).
 */
export async function dispose(d: AssetsDeps, ctx: RequestContext, id: number, input: Disposal) {
  requirePermission(ctx, 'assets:write');
  requireAboveVillage(ctx, {
    zh: '资产处置须经乡镇或县级审批登记',
    en: 'Disposal is recorded by the township or county',
  });
  await d.db.transaction(async (tx) => {
    const a = await lockedAsset(tx, ctx, id);
    if (a.status === 'disposed') throw new AppError('CONFLICT', { zh: '资产已处置', en: 'Already disposed' });
    await requireDisposalDecision(tx, ctx, a, input);
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
  return get(d, ctx, id);
}
