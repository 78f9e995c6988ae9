import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import type { Db } from '#server/db/connect.ts';
import { inScope } from '#server/db/scope.ts';
import { attachments } from '#server/db/schema/attachments.ts';

export type AttachmentRecord = typeof attachments.$inferSelect;

export async function insertAttachment(db: Db, row: typeof attachments.$inferInsert): Promise<AttachmentRecord> {
  const [r] = await db.insert(attachments).values(row).returning();
  return r;
}

export async function findAttachment(db: Db, scopePrefix: string, id: number): Promise<AttachmentRecord | undefined> {
  const [r] = await db
    .select()
    .from(attachments)
    .where(and(eq(attachments.id, id), inScope(attachments.orgCode, { scopePrefix })));
  return r;
}

export async function listAttachments(
  db: Db,
  scopePrefix: string,
  ownerKind: string,
  ownerIds: number[],
): Promise<AttachmentRecord[]> {
  if (ownerIds.length === 0) return [];
  return db
    .select()
    .from(attachments)
    .where(
      and(
        eq(attachments.ownerKind, ownerKind),
        inArray(attachments.ownerId, ownerIds),
        inScope(attachments.orgCode, { scopePrefix }),
      ),
    )
    .orderBy(asc(attachments.id));
}

/** Unlinked uploads of this user and kind among `ids`. */
export async function findUnlinked(
  db: Db,
  uploadedBy: number,
  ownerKind: string,
  ids: number[],
): Promise<AttachmentRecord[]> {
  if (ids.length === 0) return [];
  return db
    .select()
    .from(attachments)
    .where(
      and(
        inArray(attachments.id, ids),
        eq(attachments.ownerKind, ownerKind),
        eq(attachments.uploadedBy, uploadedBy),
        isNull(attachments.ownerId),
      ),
    );
}

export async function linkOwner(db: Db, ids: number[], ownerId: number, orgCode: string): Promise<void> {
  if (ids.length === 0) return;
  await db
    .update(attachments)
    .set({ ownerId, orgCode })
    .where(and(inArray(attachments.id, ids), isNull(attachments.ownerId)));
}
