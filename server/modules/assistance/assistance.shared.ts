import type { z } from 'zod';
import type { pairingListQuery } from '#common/contracts/assistance.ts';
import { orgFilterPrefix } from '#common/domain/org-code.ts';
import { RISK_TYPES } from '#common/domain/registry/codes.ts';
import { can } from '#common/domain/roles.ts';
import type { Db } from '#server/db/connect.ts';
import { AppError } from '#server/lib/app-error.ts';
import { todayInChina, type Clock } from '#server/lib/clock.ts';
import type { RequestContext } from '#server/lib/context.ts';
import type { PersonalDataBox } from '#server/lib/crypto.ts';
import { numberParam, resolveAll } from '../params/index.ts';
import type { Reach } from './assistance.reach.ts';
import type { listMeasures } from './measures.repository.ts';
import type { ObligationMonths } from './obligations.repository.ts';
import type { listPairings } from './pairings.repository.ts';
import { householdFacts } from './workspace.repository.ts';

// What the assistance use cases share (assistance.pairings.ts, .measures.ts, .obligations.ts, .household.ts): the
// deps the factory builds once, today by the service clock, the parameters, the row shapes, the reach of an actor.

/** The attachments service's part used here (#5's module): link uploads in the owner's transaction, list them. */
export interface AttachmentLinker {
  link(
    tx: Db,
    ctx: RequestContext,
    input: { ids: number[]; ownerKind: string; ownerId: number; orgCode: string },
  ): Promise<void>;
  listMany(
    ctx: RequestContext,
    ownerKind: string,
    ownerIds: number[],
  ): Promise<{ id: number; ownerId: number | null; fileName: string }[]>;
}
export const MEASURE_ATTACHMENT_KIND = 'assistanceMeasure';

/** What every assistance use case is given by `createAssistanceService`. */
export interface AssistanceDeps {
  db: Db;
  box: PersonalDataBox;
  clock: Clock;
  attachments?: AttachmentLinker;
}

export const riskZh = (r: string) => RISK_TYPES.find((t) => t.code === r)?.zh ?? r;
export const DAY_MS = 86_400_000;

export function reachOf(ctx: RequestContext): Reach {
  return { scopePrefix: ctx.actor.scopePrefix, cadreUserId: ctx.actor.role === 'cadre' ? ctx.actor.id : null };
}

export const bad = (field: string, zh: string, en: string) =>
  AppError.validation([{ field, messageZh: zh, messageEn: en }]);

export const today = (d: AssistanceDeps) => todayInChina(d.clock());

export async function params(d: AssistanceDeps, countyCode: string, asOf: string) {
  const p = await resolveAll(d.db, countyCode, asOf.slice(0, 7));
  return {
    months: {
      first: numberParam(p, 'assistance.firstMeasureMonths'),
      development: numberParam(p, 'assistance.developmentMeasureMonths'),
      risk: numberParam(p, 'assistance.riskMeasureMonths'),
    } satisfies ObligationMonths,
    visitIntervalDays: numberParam(p, 'assistance.visitIntervalDays'),
    loanCapFen: numberParam(p, 'loans.capFen'),
  };
}

/** A household the actor may read: org scope, and for a cadre an active pairing (else 404). */
export async function readableHousehold(d: AssistanceDeps, ctx: RequestContext, householdId: number) {
  const facts = await householdFacts(d.db, reachOf(ctx), householdId);
  if (!facts) throw AppError.notFound({ zh: '农户', en: 'Household' });
  return facts;
}

export function toPairingRow(r: Awaited<ReturnType<typeof listPairings>>[number]) {
  const p = r.pairing;
  return {
    id: p.id,
    householdId: p.householdId,
    householdNo: r.householdNo,
    headName: r.headName,
    villageCode: p.villageCode,
    villageName: r.villageName,
    cadreUserId: p.cadreUserId,
    cadreName: p.cadreName,
    unit: p.unit,
    phoneMasked: p.phoneMasked,
    startOn: p.startOn,
    endOn: p.endOn,
    endReason: p.endReason,
  };
}

/** The filters of the pairing list as the repository takes them (the export passes the same). */
export const pairingFilter = (q: Omit<z.infer<typeof pairingListQuery>, 'page' | 'pageSize' | 'sort' | 'order'>) => ({
  householdId: q.householdId,
  cadreUserId: q.cadreUserId,
  activeOnly: q.activeOnly,
  orgPrefix: orgFilterPrefix(q.orgCode),
  q: q.q || undefined,
});

export function toMeasureRow(r: Awaited<ReturnType<typeof listMeasures>>[number]) {
  const m = r.measure;
  const evidence = Array.isArray(m.evidence)
    ? (m.evidence as { name: string; note?: string; attachmentId?: number }[])
    : [];
  return {
    id: m.id,
    householdId: m.householdId,
    householdNo: r.householdNo,
    headName: r.headName,
    villageCode: m.villageCode,
    riskType: m.riskType,
    category: m.category,
    subType: m.subType,
    subTypeLabel: r.subTypeLabel,
    department: m.department,
    startOn: m.startOn,
    endOn: m.endOn,
    amountFen: m.amountFen,
    status: m.status,
    evidence,
    attachments: [] as { id: number; fileName: string }[],
    note: m.note,
    version: m.version,
  };
}

/** Files uploaded as evidence, for readers who may see attachments (a cadre sees the evidence names only). */
export async function withAttachments(d: AssistanceDeps, ctx: RequestContext, rows: ReturnType<typeof toMeasureRow>[]) {
  const { attachments } = d;
  if (!attachments || rows.length === 0 || !can(ctx.actor.role, 'attachments:read')) return rows;
  const files = await attachments.listMany(
    ctx,
    MEASURE_ATTACHMENT_KIND,
    rows.map((r) => r.id),
  );
  return rows.map((r) => ({
    ...r,
    attachments: files.filter((f) => f.ownerId === r.id).map((f) => ({ id: f.id, fileName: f.fileName })),
  }));
}
