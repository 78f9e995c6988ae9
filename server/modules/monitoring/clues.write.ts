import type { Db } from '#server/db/connect.ts';
import { AppError } from '#server/lib/app-error.ts';
import type { RequestContext } from '#server/lib/context.ts';
import { requirePermission } from '#server/lib/permissions.ts';
import { recordAudit } from '../audit/index.ts';
import { get } from './clues.read.ts';
import { closeClue, cluesFromWarnings } from './clues.repository.ts';
import type { CluesDeps } from './clues.shared.ts';

// Changing clues: closing one found to carry no risk; the monitoring run's warnings becoming clues.

/** A clue found to carry no risk is closed with a reason (the identification workflow closes the others). */
export async function close(d: CluesDeps, ctx: RequestContext, id: number, reason: string) {
  requirePermission(ctx, 'clues:write');
  const clue = await get(d, ctx, id);
  await d.db.transaction(async (tx) => {
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
  return get(d, ctx, id);
}

/** Hook for the monitoring run: its new warnings become or join clues (channel: department). */
export function fromWarnings(_d: CluesDeps, names: Record<string, string>) {
  return (tx: Db, runId: number) => cluesFromWarnings(tx, runId, names);
}
