import type { z } from 'zod';
import { visibleEvidence } from '../../../common/domain/monitoring/evidence.ts';
import type { clueListQuery, ClueRow } from '../../../common/contracts/clues.ts';
import type { Db } from '../../db/connect.ts';
import { AppError } from '../../lib/app-error.ts';
import type { RequestContext } from '../../lib/context.ts';
import { requirePermission } from '../../lib/permissions.ts';
import { recordAudit } from '../audit/index.ts';
import { closeClue, cluesFromWarnings, countClues, listClues, signalsOf } from './clues.repository.ts';
import { pageWindow, usesCursor } from '../../lib/paging.ts';
import { orgFilterPrefix } from '../../../common/domain/org-code.ts';

// The clue list (线索): one place for all four channels, ready for the identification workflow.

type ListQuery = z.infer<typeof clueListQuery>;
const DAY_MS = 86_400_000;

export function createCluesService(db: Db, clock: () => Date = () => new Date()) {
  function toRow(r: Awaited<ReturnType<typeof listClues>>[number]): ClueRow {
    return {
      id: r.clue.id,
      householdId: r.clue.householdId,
      householdNo: r.householdNo,
      headName: r.headName,
      villageCode: r.clue.villageCode,
      villageName: r.villageName,
      channel: r.clue.channel,
      riskType: r.clue.riskType,
      status: r.clue.status,
      summary: r.clue.summary,
      openedAt: r.clue.openedAt.toISOString(),
      ageDays: Math.floor((clock().getTime() - r.clue.openedAt.getTime()) / DAY_MS),
      signalCount: r.signalCount,
      channels: r.channels ?? [],
      activeCaseId: r.activeCaseId ?? null,
    };
  }

  async function list(ctx: RequestContext, q: ListQuery) {
    requirePermission(ctx, 'clues:read');
    const filter = {
      ...q,
      scopePrefix: ctx.actor.scopePrefix,
      orgPrefix: orgFilterPrefix(q.orgCode),
    };
    const [rows, total] = await Promise.all([listClues(db, filter), countClues(db, filter)]);
    const win = pageWindow(q);
    const more = usesCursor(q) && rows.length === win.pageSize;
    return {
      items: rows.map(toRow),
      total,
      page: win.page ?? 1,
      pageSize: win.pageSize,
      nextAfterId: more ? rows[rows.length - 1].clue.id : null,
    };
  }

  async function get(ctx: RequestContext, id: number) {
    requirePermission(ctx, 'clues:read');
    const [row] = await listClues(db, {
      scopePrefix: ctx.actor.scopePrefix,
      status: 'open',
      afterId: 0,
      limit: 1,
      id,
    }).then(async (open) =>
      open.length
        ? open
        : listClues(db, { scopePrefix: ctx.actor.scopePrefix, status: 'closed', afterId: 0, limit: 1, id }),
    );
    if (!row) throw AppError.notFound({ zh: '线索', en: 'Clue' });
    const signals = await signalsOf(db, id);
    return {
      ...toRow(row),
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

  /** A clue found to carry no risk is closed with a reason (the identification workflow closes the others). */
  async function close(ctx: RequestContext, id: number, reason: string) {
    requirePermission(ctx, 'clues:write');
    const clue = await get(ctx, id);
    await db.transaction(async (tx) => {
      if (!(await closeClue(tx, id, reason)))
        throw new AppError('CONFLICT', { zh: '线索已关闭', en: 'The clue is already closed' });
      await recordAudit(tx, ctx, {
        action: 'close',
        entity: 'clue',
        entityId: id,
        orgCode: clue.villageCode,
        after: { reason },
      });
    });
    return get(ctx, id);
  }

  /** Hook for the monitoring run: its new warnings become or join clues (channel: department). */
  function fromWarnings(names: Record<string, string>) {
    return (tx: Db, runId: number) => cluesFromWarnings(tx, runId, names);
  }

  return { list, get, close, fromWarnings };
}

export type CluesService = ReturnType<typeof createCluesService>;
