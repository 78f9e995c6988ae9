import type { z } from 'zod';
import type {
  endPairingRequest,
  pairingExportQuery,
  pairingListQuery,
  pairingRequest,
  unpairedQuery,
} from '#common/contracts/assistance.ts';
import { MAX_PAGE_SIZE } from '#common/contracts/paging.ts';
import { addDays } from '#common/domain/assistance/obligations.ts';
import { maskPhone } from '#common/domain/id-card.ts';
import { orgFilterPrefix, scopePrefixOf } from '#common/domain/org-code.ts';
import type { Db } from '#server/db/connect.ts';
import { AppError } from '#server/lib/app-error.ts';
import type { RequestContext } from '#server/lib/context.ts';
import { countyOfActor } from '#server/lib/county.ts';
import { requirePermission } from '#server/lib/permissions.ts';
import { recordAudit } from '../audit/index.ts';
import { loadHousehold } from '../registry/index.ts';
import { listWindow } from './assistance.reach.ts';
import { bad, pairingFilter, reachOf, toPairingRow, type AssistanceDeps } from './assistance.shared.ts';
import {
  activePairingOf,
  cadreUsers,
  countPairings,
  countUnpaired,
  endPairing as endPairingRow,
  findPairing,
  insertPairing,
  listPairings,
  listUnpaired,
} from './pairings.repository.ts';

// 结对帮扶: the county's cadres, the pairing list and its export, the unpaired households, pairing and ending.

export async function cadres(d: AssistanceDeps, ctx: RequestContext) {
  requirePermission(ctx, 'pairing:manage');
  return (await cadreUsers(d.db, countyOfActor(ctx).slice(0, 6))).map((u) => ({
    id: u.id,
    displayName: u.display_name,
    orgCode: u.org_code,
    orgName: u.org_name,
  }));
}

/** One page of pairings with the total the filters match (without a page: the first 200). */
export async function pairings(d: AssistanceDeps, ctx: RequestContext, q: z.infer<typeof pairingListQuery>) {
  requirePermission(ctx, 'assistance:read');
  const win = listWindow(q, MAX_PAGE_SIZE);
  const filter = pairingFilter(q);
  const [rows, total] = await Promise.all([
    listPairings(d.db, reachOf(ctx), filter, { ...win, sort: q.sort, order: q.order }),
    countPairings(d.db, reachOf(ctx), filter),
  ]);
  return { items: rows.map(toPairingRow), total, page: win.page, pageSize: win.pageSize };
}

/** Monitored households without an active cadre (the workbench card's list), one page with the total. */
export async function unpaired(d: AssistanceDeps, ctx: RequestContext, q: z.infer<typeof unpairedQuery>) {
  requirePermission(ctx, 'assistance:read');
  const win = listWindow(q, MAX_PAGE_SIZE);
  const orgPrefix = orgFilterPrefix(q.orgCode);
  const [items, total] = await Promise.all([
    listUnpaired(d.db, reachOf(ctx), orgPrefix, { ...win, sort: q.sort, order: q.order }),
    countUnpaired(d.db, reachOf(ctx), orgPrefix),
  ]);
  return { items, total, page: win.page, pageSize: win.pageSize };
}

/** Every pairing of the list's filters, in the list's order, page by page. */
export async function* allPairings(d: AssistanceDeps, ctx: RequestContext, q: z.infer<typeof pairingExportQuery>) {
  requirePermission(ctx, 'assistance:read');
  const filter = pairingFilter(q);
  for (let page = 1; ; page++) {
    const rows = await listPairings(d.db, reachOf(ctx), filter, { page, pageSize: 1000 });
    for (const r of rows) yield toPairingRow(r);
    if (rows.length < 1000) return;
  }
}

type PairingInput = z.infer<typeof pairingRequest>;
type PairedHousehold = Awaited<ReturnType<typeof loadHousehold>>['household'];
type Cadre = Awaited<ReturnType<typeof cadreUsers>>[number];
type CurrentPairing = Awaited<ReturnType<typeof activePairingOf>>;

/** The household may be paired with that cadre: open, monitored or alleviated, in the cadre's township. */
async function pairableCadre(d: AssistanceDeps, h: PairedHousehold, input: PairingInput) {
  if (h.closedOn) throw bad('householdId', '该户已注销', 'The household is closed');
  if (h.monitoringStatus === 'none' && h.kind !== 'alleviated')
    throw bad('householdId', '结对帮扶对象须为监测对象或脱贫户', 'Only monitored or alleviated households are paired');
  const cadre = (await cadreUsers(d.db, h.countyCode.slice(0, 6))).find((u) => u.id === input.cadreUserId);
  if (!cadre) throw bad('cadreUserId', '请选择本县在岗的帮扶干部', 'Choose an active cadre of the county');
  if (!h.villageCode.startsWith(scopePrefixOf(cadre.org_code)))
    throw bad('cadreUserId', '该干部所在乡镇不含此户', "The household is outside the cadre's township");
  return cadre;
}

/** A reassignment names a new cadre, gives a reason and starts after the current pairing. */
function checkReassignment(current: CurrentPairing, input: PairingInput) {
  if (!current) return;
  if (current.cadreUserId === input.cadreUserId)
    throw new AppError('CONFLICT', { zh: '该干部已与此户结对', en: 'This cadre is already paired with the household' });
  if (!input.reason) throw bad('reason', '更换帮扶干部须填写原因', 'A reassignment needs a reason');
  if (input.startOn <= current.startOn)
    throw bad(
      'startOn',
      `须晚于现结对开始日期 ${current.startOn}`,
      `Must be after the current pairing's start ${current.startOn}`,
    );
}

/** In one transaction: the current pairing ended the day before, the new one inserted, the audit row. */
async function savePairing(
  d: AssistanceDeps,
  ctx: RequestContext,
  p: { h: PairedHousehold; cadre: Cadre; current: CurrentPairing; input: PairingInput },
) {
  const { h, cadre, current, input } = p;
  return d.db.transaction(async (tx) => {
    if (current) {
      if (!(await endPairingRow(tx, current.id, addDays(input.startOn, -1), input.reason!)))
        throw new AppError('CONFLICT', { zh: '结对已变更，请刷新', en: 'The pairing changed; reload' });
    }
    const newId = await insertPairing(tx, {
      countyCode: h.countyCode,
      householdId: h.id,
      villageCode: h.villageCode,
      cadreUserId: cadre.id,
      cadreName: cadre.display_name,
      unit: input.unit,
      phoneCipher: input.phone ? d.box.encrypt(input.phone) : null,
      phoneMasked: input.phone ? maskPhone(input.phone) : null,
      startOn: input.startOn,
      createdBy: ctx.actor.id || null,
    });
    await auditPairing(tx, ctx, newId, p);
    return newId;
  });
}

function auditPairing(
  tx: Db,
  ctx: RequestContext,
  id: number,
  { h, cadre, current, input }: { h: PairedHousehold; cadre: Cadre; current: CurrentPairing; input: PairingInput },
) {
  return recordAudit(tx, ctx, {
    action: current ? 'reassign' : 'pair',
    entity: 'cadre_pairing',
    entityId: id,
    orgCode: h.villageCode,
    before: current ? { cadre: current.cadreName, startOn: current.startOn } : null,
    after: {
      householdNo: h.householdNo,
      cadre: cadre.display_name,
      unit: input.unit,
      startOn: input.startOn,
      reason: input.reason,
    },
  });
}

/** Pairs a cadre with a household; an existing pairing is ended the day before (reassignment keeps history). */
export async function pair(d: AssistanceDeps, ctx: RequestContext, input: PairingInput) {
  requirePermission(ctx, 'pairing:manage');
  const { household: h } = await loadHousehold(d.db, ctx, input.householdId);
  const cadre = await pairableCadre(d, h, input);
  const current = await activePairingOf(d.db, h.id);
  checkReassignment(current, input);
  const id = await savePairing(d, ctx, { h, cadre, current, input });
  return toPairingRow((await findPairing(d.db, id, reachOf(ctx)))!);
}

export async function endPairing(
  d: AssistanceDeps,
  ctx: RequestContext,
  id: number,
  input: z.infer<typeof endPairingRequest>,
) {
  requirePermission(ctx, 'pairing:manage');
  const row = await findPairing(d.db, id, reachOf(ctx));
  if (!row) throw AppError.notFound({ zh: '结对记录', en: 'Pairing' });
  if (input.endOn < row.pairing.startOn)
    throw bad('endOn', '结束日期不能早于开始日期', 'The end cannot be before the start');
  await d.db.transaction(async (tx) => {
    if (!(await endPairingRow(tx, id, input.endOn, input.reason)))
      throw new AppError('CONFLICT', { zh: '结对已结束', en: 'The pairing has already ended' });
    await recordAudit(tx, ctx, {
      action: 'end',
      entity: 'cadre_pairing',
      entityId: id,
      orgCode: row.pairing.villageCode,
      after: input,
    });
  });
  return toPairingRow((await findPairing(d.db, id, reachOf(ctx)))!);
}
