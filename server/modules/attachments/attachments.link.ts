import type { Db } from '#server/db/connect.ts';
import { AppError } from '#server/lib/app-error.ts';
import type { RequestContext } from '#server/lib/context.ts';
import { findUnlinked, linkOwner } from './attachments.repository.ts';
import type { AttachmentsDeps } from './attachments.shared.ts';

// Other modules link the uploads to their records with `link` inside their own transaction.

/**
 * Inside the owner's transaction: attach this user's unlinked uploads of `ownerKind` to the owner record,
 * under the owner's org unit. Unknown, foreign or already linked ids are a validation error.
 */
export async function link(
  _d: AttachmentsDeps,
  tx: Db,
  ctx: RequestContext,
  input: { ids: number[]; ownerKind: string; ownerId: number; orgCode: string },
): Promise<void> {
  const ids = [...new Set(input.ids)];
  if (ids.length === 0) return;
  const found = await findUnlinked(tx, ctx.actor.id, input.ownerKind, ids);
  if (found.length !== ids.length) {
    throw AppError.validation([
      {
        field: 'attachmentIds',
        messageZh: '附件不存在或已被使用，请重新上传',
        messageEn: 'Unknown or already used attachment; upload it again',
      },
    ]);
  }
  await linkOwner(tx, ids, input.ownerId, input.orgCode);
}
