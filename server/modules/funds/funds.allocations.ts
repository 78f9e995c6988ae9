import type { z } from 'zod';
import type { allocationInput } from '#common/contracts/funds.ts';
import type { RequestContext } from '#server/lib/context.ts';
import { requirePermission } from '#server/lib/permissions.ts';
import { recordAudit } from '../audit/index.ts';
import { insertAllocation, listAllocations } from './funds.repository.ts';
import { countyOf, requireCounty, type FundsUseCaseDeps } from './funds.shared.ts';

// Allocations (资金指标): county-level, the list of a year with what is left to assign, a new allocation.

type AllocationInput = z.infer<typeof allocationInput>;

export async function allocations({ db }: FundsUseCaseDeps, ctx: RequestContext, year?: number) {
  requirePermission(ctx, 'funds:read');
  const rows = await listAllocations(db, countyOf(ctx), year);
  return rows.map((r) => ({
    id: r.id,
    year: r.year,
    source: r.source,
    docNo: r.docNo,
    receivedOn: r.receivedOn,
    amountFen: r.amountFen,
    assignedFen: r.assignedFen,
    balanceFen: r.amountFen - r.assignedFen,
    note: r.note,
  }));
}

export async function allocate(d: FundsUseCaseDeps, ctx: RequestContext, input: AllocationInput) {
  requireCounty(ctx);
  const countyCode = countyOf(ctx);
  const id = await d.db.transaction(async (tx) => {
    const newId = await insertAllocation(tx, {
      ...input,
      note: input.note ?? null,
      countyCode,
      createdBy: ctx.actor.id || null,
    });
    await recordAudit(tx, ctx, {
      action: 'allocate',
      entity: 'fund_allocation',
      entityId: newId,
      orgCode: countyCode,
      after: { ...input },
    });
    return newId;
  });
  return (await allocations(d, ctx, input.year)).find((a) => a.id === id)!;
}
