import { stat } from 'node:fs/promises';
import path from 'node:path';
import { ATTACHMENT_MAX_BYTES, type AttachmentRow } from '#common/contracts/attachments.ts';
import type { Db } from '#server/db/connect.ts';
import { AppError } from '#server/lib/app-error.ts';
import type { RequestContext } from '#server/lib/context.ts';
import type { AttachmentRecord } from './attachments.repository.ts';

// What the attachments use cases share (attachments.upload.ts, .read.ts, .link.ts): the deps, the received file,
// the sniffed type, the clean file name, a row, the too-large error, the owners' checks.

/**
 * The owning module says whether the actor may add evidence to one of its records: out of scope → NOT_FOUND,
 * no right to act on it → FORBIDDEN; otherwise the owner's org unit (where the attachment is filed).
 */
export type OwnerCheck = (ctx: RequestContext, ownerId: number) => Promise<{ orgCode: string }>;

export interface AttachmentsDeps {
  db: Db;
  /** DATA_DIR/attachments: the files by their sha256. */
  dir: string;
  /** Where uploads stream before they are checked. */
  tmpDir: string;
  /** The owner kinds an upload may name directly, each with its module's check (registered in app.ts). */
  owners: Map<string, OwnerCheck>;
}

export interface ReceivedFile {
  tmpPath: string;
  sha256: string;
  sizeBytes: number;
  truncated: boolean;
}

/** The type by magic number: the declared content type is not trusted. */
export function sniffMime(head: Buffer): string | null {
  if (head.length >= 3 && head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff) return 'image/jpeg';
  if (head.length >= 8 && head.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])))
    return 'image/png';
  if (
    head.length >= 12 &&
    head.subarray(0, 4).toString('latin1') === 'RIFF' &&
    head.subarray(8, 12).toString('latin1') === 'WEBP'
  )
    return 'image/webp';
  if (head.length >= 6 && /^GIF8[79]a$/.test(head.subarray(0, 6).toString('latin1'))) return 'image/gif';
  if (head.length >= 5 && head.subarray(0, 5).toString('latin1') === '%PDF-') return 'application/pdf';
  return null;
}

/** The user's file name: no directories, no control characters, bounded. */
export function cleanFileName(name: string | undefined): string {
  const base = [...path.basename((name ?? '').replace(/\\/g, '/'))]
    .filter((c) => c.charCodeAt(0) >= 0x20)
    .join('')
    .trim();
  return (base || '附件').slice(0, 120);
}

export function toAttachmentRow(r: AttachmentRecord): AttachmentRow {
  return {
    id: r.id,
    orgCode: r.orgCode,
    ownerKind: r.ownerKind,
    ownerId: r.ownerId,
    fileName: r.fileName,
    mime: r.mime,
    sizeBytes: r.sizeBytes,
    uploadedBy: r.uploadedBy,
    createdAt: r.createdAt.toISOString(),
  };
}

export const attachmentTooLarge = () =>
  new AppError('PAYLOAD_TOO_LARGE', {
    zh: `附件不能超过 ${ATTACHMENT_MAX_BYTES / 1024 / 1024} MB，请压缩照片或分页扫描`,
    en: `Attachments are limited to ${ATTACHMENT_MAX_BYTES / 1024 / 1024} MB`,
  });

/** Whether a file exists at `file`. */
export const fileExists = (file: string) =>
  stat(file).then(
    () => true,
    () => false,
  );
