import type { z } from 'zod';
import type {
  PetitionDetail,
  petitionExportQuery,
  PetitionRow,
  zeroPetitionExportQuery,
} from '#common/contracts/petitions.ts';
import { orgFilterPrefix } from '#common/domain/org-code.ts';
import type {
  PetitionClosureResult,
  PetitionEventKind,
  PetitionLevel,
  PetitionSource,
  PetitionStepAction,
} from '#common/domain/petitions/codes.ts';
import { daysLeft, isOverdue } from '#common/domain/petitions/rules.ts';
import type { Db } from '#server/db/connect.ts';
import { AppError } from '#server/lib/app-error.ts';
import { todayInChina, type Clock } from '#server/lib/clock.ts';
import type { RequestContext } from '#server/lib/context.ts';
import { requirePermission } from '#server/lib/permissions.ts';
import { recordAudit } from '../audit/index.ts';
import * as repo from './petitions.repository.ts';

// What the 涉贫舆情与信访 use cases share (petitions.events.ts, petitions.households.ts, petitions.zero.ts,
// petitions.ledger.ts): the deps, the China day, the row shape of the register, one event read back in scope, an
// open event locked for a write, the audit row of an export.

export interface PetitionsDeps {
  db: Db;
  clock: Clock;
}

export type ExportQuery = z.infer<typeof petitionExportQuery>;
export type ZeroExportQuery = z.infer<typeof zeroPetitionExportQuery>;

export const EVENT = { zh: '舆情信访事项', en: 'Petition' };
export const HOUSEHOLD = { zh: '涉及农户', en: 'Household concerned' };
export const ENTITY = 'petition_event';

export const today = (d: PetitionsDeps) => todayInChina(d.clock());

export function toRow(r: repo.PetitionDbRow, day: string): PetitionRow {
  const x = r.event;
  return {
    id: x.id,
    orgCode: x.orgCode,
    villageName: r.villageName,
    townshipName: r.townshipName,
    kind: x.kind as PetitionEventKind,
    source: x.source as PetitionSource,
    level: x.level as PetitionLevel,
    receivedOn: x.receivedOn,
    deadlineOn: x.deadlineOn,
    title: x.title,
    petitioner: x.petitioner,
    reference: x.reference,
    closedOn: x.closedOn,
    closureResult: (x.closureResult as PetitionClosureResult | null) ?? null,
    overdue: isOverdue(x, day),
    daysLeft: daysLeft(x, day),
    households: Number(r.households),
    atRiskHouseholds: Number(r.atRisk),
  };
}

export const filterOf = (q: ExportQuery, day: string): repo.PetitionFilter => ({
  orgPrefix: orgFilterPrefix(q.orgCode),
  kind: q.kind,
  source: q.source,
  level: q.level,
  status: q.status,
  year: q.year,
  householdId: q.householdId,
  q: q.q,
  today: day,
});

/** One event of the register with its timeline and the households concerned (out of scope: 404). */
export async function get(d: PetitionsDeps, ctx: RequestContext, id: number): Promise<PetitionDetail> {
  requirePermission(ctx, 'clues:read');
  const day = today(d);
  const [row] = await repo.listPetitions(
    d.db,
    repo.petitionWhere(ctx.actor.scopePrefix, { id, today: day }),
    {},
    { pageSize: 1, offset: 0 },
  );
  if (!row) throw AppError.notFound(EVENT);
  const [steps, households] = await Promise.all([repo.stepsOf(d.db, [id]), repo.householdsOf(d.db, [id])]);
  return {
    ...toRow(row, day),
    summary: row.event.summary,
    closureNote: row.event.closureNote,
    steps: steps.map((x) => ({
      id: x.id,
      stepOn: x.stepOn,
      action: x.action as PetitionStepAction,
      note: x.note,
      actorName: x.actorName,
    })),
    householdsConcerned: households.map((x) => ({
      id: x.link.id,
      householdId: x.link.householdId,
      householdNo: x.householdNo,
      headName: x.headName,
      note: x.link.note,
      atRisk: x.link.atRisk,
      riskTypes: x.link.riskTypes,
      clueIds: x.link.clueIds.map(Number),
    })),
  };
}

/** The event in scope, locked for the write (out of scope: 404). */
export async function openEvent(tx: Db, ctx: RequestContext, id: number) {
  const event = await repo.findEvent(tx, ctx.actor.scopePrefix, id, true);
  if (!event) throw AppError.notFound(EVENT);
  return event;
}

/** The audit row of a ledger export (which ledger, how many rows, the filters). */
export async function audited(d: PetitionsDeps, ctx: RequestContext, ledger: string, rows: number, filters: unknown) {
  await d.db.transaction((tx) =>
    recordAudit(tx, ctx, {
      action: 'export',
      entity: ENTITY,
      orgCode: ctx.actor.orgCode,
      after: { ledger, rows, filters },
    }),
  );
}
