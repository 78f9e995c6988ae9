import type { z } from 'zod';
import type { createFundRequest, fundIncomeRequest } from '#common/contracts/assistance.ts';
import { countyCodeOf } from '#common/domain/org-code.ts';
import type { Db } from '#server/db/connect.ts';
import { AppError } from '#server/lib/app-error.ts';
import type { RequestContext } from '#server/lib/context.ts';
import { requireInScope, requirePermission } from '#server/lib/permissions.ts';
import { recordAudit } from '../audit/index.ts';
import { findUnit } from '../org/index.ts';
import { creditFund, entriesOf, insertEntry, insertFund, listApplications, listFunds } from './relief.repository.ts';
import { bad, type ReliefShared } from './relief.shared.ts';

// Relief funds (应急救助基金 / 临时救助备用金): the list, a fund's ledger page, setting one up, income.

export function createReliefFundOps(db: Db, s: ReliefShared) {
  const { today, toFund, toApplication, visibleFund, requireHolds } = s;

  async function funds(ctx: RequestContext) {
    requirePermission(ctx, 'relief:read');
    return (await listFunds(db, ctx.actor.scopePrefix)).map(toFund);
  }

  async function fund(ctx: RequestContext, id: number) {
    requirePermission(ctx, 'relief:read');
    const row = await visibleFund(ctx, id);
    const entries = await entriesOf(db, id, 500);
    const applications = await listApplications(db, ctx.actor.scopePrefix, { fundId: id, limit: 500 });
    // A payment to a household outside one's scope shows as a payment, without naming the household.
    const mine = new Set(applications.map((a) => a.application.id));
    const visible = (e: (typeof entries)[number]) =>
      e.kind === 'income' || (e.applicationId !== null && mine.has(e.applicationId));
    return {
      ...toFund(row),
      entries: entries.map((e) => ({
        id: e.id,
        fundId: e.fundId,
        kind: e.kind,
        amountFen: e.amountFen,
        balanceAfterFen: e.balanceAfterFen,
        applicationId: visible(e) ? e.applicationId : null,
        source: visible(e) ? e.source : null,
        occurredOn: e.occurredOn,
        note: visible(e) ? e.note : null,
        createdBy: e.createdBy,
        createdAt: e.createdAt.toISOString(),
      })),
      applications: applications.map(toApplication),
    };
  }

  async function createFund(ctx: RequestContext, input: z.infer<typeof createFundRequest>) {
    requirePermission(ctx, 'relief:fund');
    requireInScope(ctx, input.orgCode);
    const unit = await findUnit(db, input.orgCode);
    const level = input.kind === 'emergency' ? 'county' : 'township';
    if (!unit || unit.level !== level || unit.validTo)
      throw bad(
        'orgCode',
        input.kind === 'emergency' ? '应急救助基金设在县级' : '临时救助备用金设在乡镇',
        `The fund belongs to a ${level}`,
      );
    const id = await db
      .transaction(async (tx) => {
        const newId = await insertFund(tx, {
          countyCode: countyCodeOf(input.orgCode),
          orgCode: input.orgCode,
          name: input.name,
          kind: input.kind,
        });
        await recordAudit(tx, ctx, {
          action: 'create',
          entity: 'relief_fund',
          entityId: newId,
          orgCode: input.orgCode,
          after: input,
        });
        return newId;
      })
      .catch((err: unknown) => {
        if (String((err as { cause?: unknown })?.cause ?? err).includes('relief_fund_org_kind_uq'))
          throw new AppError('CONFLICT', { zh: '该单位已有同类基金', en: 'The unit already has this kind of fund' });
        throw err;
      });
    return fund(ctx, id);
  }

  async function income(ctx: RequestContext, fundId: number, input: z.infer<typeof fundIncomeRequest>) {
    requirePermission(ctx, 'relief:fund');
    const row = await visibleFund(ctx, fundId);
    requireHolds(ctx, row.fund.orgCode);
    if (input.occurredOn > today()) throw bad('occurredOn', '入账日期不能晚于今天', 'The date cannot be in the future');
    await db.transaction(async (tx) => {
      const balance = await creditFund(tx, fundId, input.amountFen);
      const entryId = await insertEntry(tx, {
        countyCode: row.fund.countyCode,
        fundId,
        kind: 'income',
        amountFen: input.amountFen,
        balanceAfterFen: balance,
        source: input.source,
        occurredOn: input.occurredOn,
        note: input.note,
        createdBy: ctx.actor.displayName,
      });
      await recordAudit(tx, ctx, {
        action: 'income',
        entity: 'relief_fund',
        entityId: fundId,
        orgCode: row.fund.orgCode,
        after: { entryId, amountFen: input.amountFen, source: input.source, balanceFen: balance },
      });
    });
    return fund(ctx, fundId);
  }

  return { funds, fund, createFund, income };
}
