import { visibleEvidence } from '#common/domain/monitoring/evidence.ts';
import { orgFilterPrefix } from '#common/domain/org-code.ts';
import { AppError } from '#server/lib/app-error.ts';
import type { RequestContext } from '#server/lib/context.ts';
import { pageWindow, usesCursor } from '#server/lib/paging.ts';
import { requirePermission } from '#server/lib/permissions.ts';
import { countClues, listClues, signalsOf } from './clues.repository.ts';
import { toRow, type CluesDeps, type ListQuery } from './clues.shared.ts';

// Reading the clue list (线索): one place for all four channels, and one clue with its signals.

export async function list(d: CluesDeps, ctx: RequestContext, q: ListQuery) {
  requirePermission(ctx, 'clues:read');
  const filter = {
    ...q,
    scopePrefix: ctx.actor.scopePrefix,
    orgPrefix: orgFilterPrefix(q.orgCode),
  };
  const [rows, total] = await Promise.all([listClues(d.db, filter), countClues(d.db, filter)]);
  const win = pageWindow(q);
  const more = usesCursor(q) && rows.length === win.pageSize;
  return {
    items: rows.map((r) => toRow(d, r)),
    total,
    page: win.page ?? 1,
    pageSize: win.pageSize,
    nextAfterId: more ? rows[rows.length - 1].clue.id : null,
  };
}

/** The clue in scope, open or closed. */
async function findClue(d: CluesDeps, ctx: RequestContext, id: number) {
  const one = (status: 'open' | 'closed') =>
    listClues(d.db, { scopePrefix: ctx.actor.scopePrefix, status, afterId: 0, limit: 1, id });
  const open = await one('open');
  const [row] = open.length ? open : await one('closed');
  if (!row) throw AppError.notFound({ zh: '线索', en: 'Clue' });
  return row;
}

export async function get(d: CluesDeps, ctx: RequestContext, id: number) {
  requirePermission(ctx, 'clues:read');
  const row = await findClue(d, ctx, id);
  const signals = await signalsOf(d.db, id);
  return {
    ...toRow(d, row),
    consent: row.clue.consent ?? null,
    closeReason: row.clue.closeReason,
    signals: signals.map((s) => ({
      id: s.id,
      channel: s.channel,
      source: s.source,
      at: s.at.toISOString(),
      evidence: visibleEvidence(s.evidence) as Record<string, unknown>,
      createdBy: s.createdBy,
    })),
  };
}
