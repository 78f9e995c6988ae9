import type { z } from 'zod';
import type { disburseRequest, reliefApplicationRequest, reliefDecisionRequest } from '#common/contracts/assistance.ts';
import { countyCodeOf, scopePrefixOf } from '#common/domain/org-code.ts';
import type { Db } from '#server/db/connect.ts';
import { AppError } from '#server/lib/app-error.ts';
import type { RequestContext } from '#server/lib/context.ts';
import { requirePermission } from '#server/lib/permissions.ts';
import { recordAudit } from '../audit/index.ts';
import { numberParam, resolveAll } from '../params/index.ts';
import { loadHousehold } from '../registry/index.ts';
import {
  debitFund,
  decideApplication,
  insertApplication,
  insertEntry,
  listApplications,
  markDisbursed,
} from './relief.repository.ts';
import { yuan, bad, type ReliefShared } from './relief.shared.ts';

// Relief applications: registration, reading, approval by the role whose scope holds the fund (capped by
// relief.maxPerApplicationFen), and payment — the balance moves only by conditional UPDATE in the same transaction.

export function createReliefApplicationOps(db: Db, s: ReliefShared) {
  const { today, toApplication, visibleFund, requireHolds } = s;

  async function apply(ctx: RequestContext, input: z.infer<typeof reliefApplicationRequest>) {
    requirePermission(ctx, 'relief:apply');
    const { household: h } = await loadHousehold(db, ctx, input.householdId);
    const row = await visibleFund(ctx, input.fundId);
    if (!h.villageCode.startsWith(scopePrefixOf(row.fund.orgCode)))
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

  return { apply, application, applications, decide, disburse };
}
