import { createReadStream } from 'node:fs';
import path from 'node:path';
import type { AttachmentRow } from '#common/contracts/attachments.ts';
import { AppError } from '#server/lib/app-error.ts';
import type { RequestContext } from '#server/lib/context.ts';
import { requirePermission } from '#server/lib/permissions.ts';
import { recordAudit } from '../audit/index.ts';
import { findAttachment, listAttachments } from './attachments.repository.ts';
import { fileExists, toAttachmentRow, type AttachmentsDeps } from './attachments.shared.ts';

// Reading attachments: one file (the read audited), the attachments of an owner or of many owners of one kind.

/** Metadata and a read stream; the read is audited (who looked at which scan). */
export async function openForRead({ db, dir }: AttachmentsDeps, ctx: RequestContext, id: number) {
  requirePermission(ctx, 'attachments:read');
  const r = await findAttachment(db, ctx.actor.scopePrefix, id);
  if (!r) throw AppError.notFound({ zh: '附件', en: 'Attachment' });
  const file = path.join(dir, r.sha256);
  if (!(await fileExists(file))) throw AppError.notFound({ zh: '附件文件', en: 'Attachment file' });
  await db.transaction((tx) =>
    recordAudit(tx, ctx, {
      action: 'read',
      entity: 'attachment',
      entityId: r.id,
      orgCode: r.orgCode,
      after: { ownerKind: r.ownerKind, ownerId: r.ownerId },
    }),
  );
  return { row: toAttachmentRow(r), stream: createReadStream(file) };
}

export async function list(
  { db }: AttachmentsDeps,
  ctx: RequestContext,
  ownerKind: string,
  ownerId: number,
): Promise<AttachmentRow[]> {
  requirePermission(ctx, 'attachments:read');
  return (await listAttachments(db, ctx.actor.scopePrefix, ownerKind, [ownerId])).map(toAttachmentRow);
}

/** Attachments of many owners of one kind (for a timeline), within scope. */
export async function listMany(
  { db }: AttachmentsDeps,
  ctx: RequestContext,
  ownerKind: string,
  ownerIds: number[],
): Promise<AttachmentRow[]> {
  requirePermission(ctx, 'attachments:read');
  return (await listAttachments(db, ctx.actor.scopePrefix, ownerKind, ownerIds)).map(toAttachmentRow);
}
