import type { Writable } from 'node:stream';
import type { z } from 'zod';
import type {
  createFundRequest,
  disburseRequest,
  fundIncomeRequest,
  reliefApplicationRequest,
  reliefDecisionRequest,
} from '../../../common/contracts/assistance.ts';
import { countyCodeOf, isWithinScope } from '../../../common/domain/org-code.ts';
import { RISK_TYPES } from '../../../common/domain/registry/codes.ts';
import type { Db } from '../../db/connect.ts';
import { AppError } from '../../lib/app-error.ts';
import { systemClock, todayInChina, type Clock } from '../../lib/clock.ts';
import type { RequestContext } from '../../lib/context.ts';
import { requireInScope, requirePermission } from '../../lib/permissions.ts';
import { recordAudit } from '../audit/index.ts';
import { findUnit } from '../org/index.ts';
import { numberParam, resolveAll } from '../params/index.ts';
import { loadHousehold } from '../registry/index.ts';
import { ledgerMeta, writeLedger, type Cell } from '../../lib/xlsx-ledger.ts';
import {
  allEntries,
  creditFund,
  debitFund,
  decideApplication,
  entriesOf,
  findFund,
  fundTotals,
  insertApplication,
  insertEntry,
  insertFund,
  listApplications,
  listFunds,
  markDisbursed,
} from './relief.repository.ts';

// 应急救助基金 (seed §二(一)2: 对突发事件导致家庭出现临时性困难的农户及时紧急救助) and the township
// 临时救助备用金 (§4.3, 先行救助). Income, applications, approval by the role whose scope holds the
// fund, disbursement. The balance never goes negative: conditional UPDATE + CHECK in the database.

const yuan = (fen: number) => (fen / 100).toFixed(2);
const bad = (field: string, zh: string, en: string) => AppError.validation([{ field, messageZh: zh, messageEn: en }]);

export function createReliefService(db: Db, clock: Clock = systemClock) {
  const today = () => todayInChina(clock());

  function toFund(r: NonNullable<Awaited<ReturnType<typeof findFund>>>) {
    return {
      id: r.fund.id,
      orgCode: r.fund.orgCode,
      orgName: r.orgName,
      name: r.fund.name,
      kind: r.fund.kind,
      balanceFen: r.fund.balanceFen,
    };
  }

  function toApplication(r: Awaited<ReturnType<typeof listApplications>>[number]) {
    const a = r.application;
    return {
      id: a.id,
      fundId: a.fundId,
      fundName: r.fundName,
      householdId: a.householdId,
      householdNo: r.householdNo,
      headName: r.headName,
      villageCode: a.villageCode,
      villageName: r.villageName,
      reliefKind: a.reliefKind,
      eventType: a.eventType,
      reason: a.reason,
      requestedFen: a.requestedFen,
      approvedFen: a.approvedFen,
      status: a.status,
      appliedOn: a.appliedOn,
      decidedBy: a.decidedBy,
      decisionNote: a.decisionNote,
      createdBy: a.createdBy,
    };
  }

  async function funds(ctx: RequestContext) {
    requirePermission(ctx, 'relief:read');
    return (await listFunds(db, ctx.actor.scopePrefix)).map(toFund);
  }

  /** A fund the actor may see (404 otherwise). */
  async function visibleFund(ctx: RequestContext, id: number) {
    const visible = await listFunds(db, ctx.actor.scopePrefix);
    const row = visible.find((r) => r.fund.id === id);
    if (!row) throw AppError.notFound({ zh: '救助基金', en: 'Relief fund' });
    return row;
  }

  /** A fund the actor's scope holds (approve, pay, record income). */
  function requireHolds(ctx: RequestContext, orgCode: string) {
    if (ctx.actor.scopePrefix !== '' && !isWithinScope(orgCode, ctx.actor.orgCode)) throw AppError.forbidden();
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

  async function apply(ctx: RequestContext, input: z.infer<typeof reliefApplicationRequest>) {
    requirePermission(ctx, 'relief:apply');
    const { household: h } = await loadHousehold(db, ctx, input.householdId);
    const row = await visibleFund(ctx, input.fundId);
    if (!h.villageCode.startsWith(row.fund.orgCode.replace(/(000)+$/, '')))
      throw bad('fundId', '该户不在此基金的救助范围内', "The household is outside the fund's area");
    if (input.appliedOn > today()) throw bad('appliedOn', '申请日期不能晚于今天', 'The date cannot be in the future');
    const id = await db.transaction(async (tx) => {
      const newId = await insertApplication(tx, {
        countyCode: h.countyCode,
        fundId: input.fundId,
        householdId: h.id,
        villageCode: h.villageCode,
        reliefKind: input.reliefKind,
        eventType: input.eventType,
        reason: input.reason,
        requestedFen: input.requestedFen,
        appliedOn: input.appliedOn,
        createdBy: ctx.actor.displayName,
      });
      await recordAudit(tx, ctx, {
        action: 'apply',
        entity: 'relief_application',
        entityId: newId,
        orgCode: h.villageCode,
        after: {
          householdNo: h.householdNo,
          fundId: input.fundId,
          reliefKind: input.reliefKind,
          eventType: input.eventType,
          requestedFen: input.requestedFen,
        },
      });
      return newId;
    });
    return application(ctx, id);
  }

  async function application(ctx: RequestContext, id: number) {
    requirePermission(ctx, 'relief:read');
    const [row] = await listApplications(db, ctx.actor.scopePrefix, { id, limit: 1 });
    if (!row) throw AppError.notFound({ zh: '救助申请', en: 'Relief application' });
    return { ...toApplication(row), fundOrgCode: row.fundOrgCode };
  }

  async function applications(ctx: RequestContext, q: { status?: string; householdId?: number }) {
    requirePermission(ctx, 'relief:read');
    return (await listApplications(db, ctx.actor.scopePrefix, { ...q, limit: 500 })).map(toApplication);
  }

  /** Approval by the role whose scope holds the fund (a township its reserve, the county its fund). */
  async function decide(ctx: RequestContext, id: number, input: z.infer<typeof reliefDecisionRequest>) {
    requirePermission(ctx, 'relief:approve');
    const a = await application(ctx, id);
    requireHolds(ctx, a.fundOrgCode);
    let approvedFen: number | null = null;
    if (input.decision === 'approve') {
      approvedFen = input.approvedFen ?? a.requestedFen;
      if (approvedFen > a.requestedFen)
        throw bad('approvedFen', '批准金额不能超过申请金额', 'Cannot approve more than requested');
      const cap = numberParam(
        await resolveAll(db, countyCodeOf(a.villageCode), today().slice(0, 7)),
        'relief.maxPerApplicationFen',
      );
      if (cap > 0 && approvedFen > cap)
        throw bad(
          'approvedFen',
          `单次批准不超过 ${yuan(cap)} 元（政策参数 relief.maxPerApplicationFen）`,
          `At most ${yuan(cap)} yuan per application`,
        );
    } else if (!input.note) {
      throw bad('note', '不予批准须说明理由', 'A refusal needs a reason');
    }
    await db.transaction(async (tx) => {
      const ok = await decideApplication(tx, id, {
        status: input.decision === 'approve' ? 'approved' : 'rejected',
        approvedFen,
        decidedBy: ctx.actor.displayName,
        decisionNote: input.note,
      });
      if (!ok) throw new AppError('CONFLICT', { zh: '申请已处理', en: 'The application has already been decided' });
      await recordAudit(tx, ctx, {
        action: input.decision,
        entity: 'relief_application',
        entityId: id,
        orgCode: a.villageCode,
        after: { approvedFen, note: input.note },
      });
    });
    return application(ctx, id);
  }

  /** Pays an approved application from its fund, in one transaction: status, balance, ledger entry, audit. */
  async function disburse(ctx: RequestContext, id: number, input: z.infer<typeof disburseRequest>) {
    requirePermission(ctx, 'relief:approve');
    const a = await application(ctx, id);
    requireHolds(ctx, a.fundOrgCode);
    if (input.occurredOn > today()) throw bad('occurredOn', '发放日期不能晚于今天', 'The date cannot be in the future');
    await db.transaction(async (tx) => {
      const paid = await markDisbursed(tx, id);
      if (!paid)
        throw new AppError('CONFLICT', {
          zh: '申请未批准或已发放',
          en: 'The application is not approved or already paid',
        });
      const amount = paid.approvedFen!;
      const balance = await debitFund(tx, paid.fundId, amount);
      if (balance === null)
        throw new AppError('CONFLICT', {
          zh: `基金余额不足，无法发放 ${yuan(amount)} 元`,
          en: `The fund's balance is short of ${yuan(amount)} yuan`,
        });
      const entryId = await insertEntry(tx, {
        countyCode: paid.countyCode,
        fundId: paid.fundId,
        kind: 'disbursement',
        amountFen: amount,
        balanceAfterFen: balance,
        applicationId: id,
        source: a.householdNo,
        occurredOn: input.occurredOn,
        createdBy: ctx.actor.displayName,
      });
      await recordAudit(tx, ctx, {
        action: 'disburse',
        entity: 'relief_application',
        entityId: id,
        orgCode: a.villageCode,
        after: { entryId, amountFen: amount, balanceFen: balance },
      });
    });
    return application(ctx, id);
  }

  /** The fund ledger (台账) as .xlsx: checked and audited before the first byte. */
  async function prepareLedger(ctx: RequestContext, fundId: number) {
    requirePermission(ctx, 'assistance:export');
    requirePermission(ctx, 'relief:read');
    const row = await visibleFund(ctx, fundId);
    const totals = await fundTotals(db, fundId);
    await db.transaction((tx) =>
      recordAudit(tx, ctx, {
        action: 'export',
        entity: 'relief_fund',
        entityId: fundId,
        orgCode: row.fund.orgCode,
        after: { format: '救助基金台账', ...totals },
      }),
    );
    const apps = new Map(
      (await listApplications(db, ctx.actor.scopePrefix, { fundId, limit: 100_000 })).map((r) => [r.application.id, r]),
    );
    return {
      name: row.fund.name,
      async write(out: Writable) {
        async function* rows(): AsyncGenerator<Cell[]> {
          for await (const e of allEntries(db, fundId)) {
            const app = e.applicationId ? apps.get(e.applicationId) : undefined;
            yield [
              e.occurredOn,
              e.kind === 'income' ? '收入' : '支出',
              e.kind === 'income' ? Number(yuan(e.amountFen)) : null,
              e.kind === 'disbursement' ? Number(yuan(e.amountFen)) : null,
              Number(yuan(e.balanceAfterFen)),
              e.kind === 'income' ? e.source : (app?.householdNo ?? null),
              app?.headName ?? null,
              app?.villageName ?? null,
              app ? (app.application.reliefKind === 'emergency' ? '应急救助' : '临时救助') : null,
              app
                ? (RISK_TYPES.find((r) => r.code === app.application.eventType)?.zh ?? app.application.eventType)
                : null,
              e.kind === 'income' || app ? e.note : null,
              e.createdBy,
            ];
          }
        }
        await writeLedger(
          out,
          [
            {
              title: '救助基金台账',
              headers: [
                '日期',
                '类型',
                '收入（元）',
                '支出（元）',
                '余额（元）',
                '来源/户编号',
                '户主',
                '行政村',
                '救助类别',
                '事由',
                '备注',
                '经办人',
              ],
              rows: rows(),
            },
          ],
          ledgerMeta(ctx),
        );
      },
    };
  }

  return { funds, fund, createFund, income, apply, application, applications, decide, disburse, prepareLedger };
}

export type ReliefService = ReturnType<typeof createReliefService>;
