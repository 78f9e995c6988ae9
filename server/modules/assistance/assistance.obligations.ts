import type { z } from 'zod';
import type { obligationExportQuery, obligationQuery } from '#common/contracts/assistance.ts';
import type { SortOrder } from '#common/contracts/paging.ts';
import { OBLIGATION_CODES } from '#common/domain/assistance/obligations.ts';
import { orgFilterPrefix } from '#common/domain/org-code.ts';
import type { RequestContext } from '#server/lib/context.ts';
import { countyOfActor } from '#server/lib/county.ts';
import { requirePermission } from '#server/lib/permissions.ts';
import { listWindow } from './assistance.reach.ts';
import { DAY_MS, params, reachOf, today, type AssistanceDeps } from './assistance.shared.ts';
import {
  countObligations,
  obligationCounts,
  obligationsAsOf,
  pageObligations,
  saveSnapshot,
  snapshotRows,
  townshipNames,
} from './obligations.repository.ts';

// The obligations board (帮扶措施落实 warnings): counts per township, the households listed, the export, the daily snapshot.

const toObligation = (r: Awaited<ReturnType<typeof obligationsAsOf>>[number], asOf: string) => ({
  householdId: Number(r.household_id),
  householdNo: r.household_no,
  headName: r.head_name,
  villageCode: r.village_code,
  villageName: r.village_name,
  townshipCode: r.township_code,
  code: r.code,
  dueOn: r.due_on,
  overdueDays: Math.round((Date.parse(asOf) - Date.parse(r.due_on)) / DAY_MS),
  riskType: r.risk_type,
  measureId: r.measure_id === null ? null : Number(r.measure_id),
});

type BoardCounts = Awaited<ReturnType<typeof obligationCounts>>['counts'];

/** One row per township: households per obligation code and in all, the most first. */
function townshipRows(counts: BoardCounts, names: Map<string, string>) {
  return [...counts.entries()]
    .map(([townshipCode, byCode]) => {
      const c: Record<string, number> = Object.fromEntries(
        OBLIGATION_CODES.map((code) => [code, byCode.get(code)?.size ?? 0]),
      );
      const total = new Set([...byCode.values()].flatMap((s) => [...s])).size;
      return { townshipCode, townshipName: names.get(townshipCode) ?? null, counts: c, total };
    })
    .sort((a, b) => b.total - a.total || a.townshipCode.localeCompare(b.townshipCode));
}

/** The obligations board: live as of today (or a given day), counts per township and the overdue households. */
export async function board(
  d: AssistanceDeps,
  ctx: RequestContext,
  q: Omit<z.infer<typeof obligationQuery>, 'order'> & { order?: SortOrder },
) {
  requirePermission(ctx, 'assistance:read');
  const asOf = q.asOf ?? today(d);
  const { months } = await params(d, countyOfActor(ctx), asOf);
  const orgPrefix = orgFilterPrefix(q.orgCode);
  const { counts } = await obligationCounts(d.db, reachOf(ctx), asOf, months, orgPrefix);
  const townships = townshipRows(counts, await townshipNames(d.db));
  const filter = { orgPrefix, code: q.code };
  const win = listWindow({ page: q.page, pageSize: q.pageSize }, q.limit);
  const [items, total] = await Promise.all([
    pageObligations(d.db, reachOf(ctx), asOf, months, filter, { ...win, sort: q.sort, order: q.order }),
    countObligations(d.db, reachOf(ctx), asOf, months, filter),
  ]);
  return {
    asOf,
    townships,
    items: items.map((r) => toObligation(r, asOf)),
    total,
    page: win.page,
    pageSize: win.pageSize,
    truncated: win.offset + items.length < total,
  };
}

/** Every obligation row of the list's filters, page by page (the export writes what the list shows). */
export async function* allObligations(
  d: AssistanceDeps,
  ctx: RequestContext,
  q: z.infer<typeof obligationExportQuery>,
) {
  requirePermission(ctx, 'assistance:read');
  const asOf = q.asOf ?? today(d);
  const { months } = await params(d, countyOfActor(ctx), asOf);
  const filter = { orgPrefix: orgFilterPrefix(q.orgCode), code: q.code };
  for (let page = 1; ; page++) {
    const rows = await pageObligations(d.db, reachOf(ctx), asOf, months, filter, { page, pageSize: 1000 });
    for (const r of rows) yield toObligation(r, asOf);
    if (rows.length < 1000) return;
  }
}

/** Counts of today's board per township and code, kept once a day (the daily check). */
export async function snapshot(d: AssistanceDeps, countyCode: string, asOf = today(d)) {
  const { months } = await params(d, countyCode, asOf);
  const rows = snapshotRows(
    (await obligationCounts(d.db, { scopePrefix: countyCode.slice(0, 6), cadreUserId: null }, asOf, months)).counts,
  );
  await d.db.transaction((tx) => saveSnapshot(tx, countyCode, asOf, rows));
  return rows;
}
