import { isWithinScope } from '#common/domain/org-code.ts';
import type { Db } from '#server/db/connect.ts';
import { AppError } from '#server/lib/app-error.ts';
import { systemClock, todayInChina, type Clock } from '#server/lib/clock.ts';
import type { RequestContext } from '#server/lib/context.ts';
import { findFund, listApplications, listFunds } from './relief.repository.ts';

// What the relief use cases share: today by the service clock, the row shapes, the funds an actor may see and hold.

export const yuan = (fen: number) => (fen / 100).toFixed(2);
export const bad = (field: string, zh: string, en: string) =>
  AppError.validation([{ field, messageZh: zh, messageEn: en }]);

export function createReliefShared(db: Db, clock: Clock = systemClock) {
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

  return { today, toFund, toApplication, visibleFund, requireHolds };
}

export type ReliefShared = ReturnType<typeof createReliefShared>;
