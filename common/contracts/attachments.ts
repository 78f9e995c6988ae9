import { z } from 'zod';

// Attachments: photos and scans (images, PDF) uploaded as multipart, read back by id within scope.

export const ATTACHMENT_MIME = ['image/jpeg', 'image/png', 'image/webp', 'image/gif', 'application/pdf'] as const;
/** Phone photos and scanned forms; larger files are refused with a message. */
export const ATTACHMENT_MAX_BYTES = 10 * 1024 * 1024;

export const attachmentRow = z.object({
  id: z.number().int(),
  orgCode: z.string(),
  ownerKind: z.string(),
  ownerId: z.number().int().nullable(),
  fileName: z.string(),
  mime: z.string(),
  sizeBytes: z.number().int(),
  uploadedBy: z.number().int().nullable(),
  createdAt: z.string(),
});
export type AttachmentRow = z.infer<typeof attachmentRow>;

export const attachmentIdParams = z.object({ id: z.coerce.number().int().positive() });
export const attachmentListQuery = z.object({
  ownerKind: z.string().min(1).max(40),
  ownerId: z.coerce.number().int().positive(),
});
/** Owner kinds: letters only, so they can be used as audit entity names. */
export const ownerKindSchema = z.string().regex(/^[a-zA-Z]{2,40}$/);
