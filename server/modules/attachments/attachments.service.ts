import { createHash, randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, open, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { ATTACHMENT_MAX_BYTES, type AttachmentRow } from '../../../common/contracts/attachments.ts';
import { countyCodeOf, ORG_CODE_PATTERN } from '../../../common/domain/org-code.ts';
import type { Db } from '../../db/connect.ts';
import { AppError } from '../../lib/app-error.ts';
import type { RequestContext } from '../../lib/context.ts';
import { requireInScope, requirePermission } from '../../lib/permissions.ts';
import { recordAudit } from '../audit/index.ts';
import {
  findAttachment,
  findUnlinked,
  insertAttachment,
  linkOwner,
  listAttachments,
  type AttachmentRecord,
} from './attachments.repository.ts';

// Uploads stream to a temp file while hashed, are checked by their first bytes (images and PDF only,
// whatever the browser claims), then move to DATA_DIR/attachments/<sha256>. Other modules link the
// uploads to their records with `link` inside their own transaction.

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

/**
 * The owning module says whether the actor may add evidence to one of its records: out of scope → NOT_FOUND,
 * no right to act on it → FORBIDDEN; otherwise the owner's org unit (where the attachment is filed).
 */
export type OwnerCheck = (ctx: RequestContext, ownerId: number) => Promise<{ orgCode: string }>;

export function createAttachmentsService(db: Db, dataDir: string) {
  const dir = path.join(dataDir, 'attachments');
  const tmpDir = path.join(dir, 'tmp');
  const owners = new Map<string, OwnerCheck>();

  /** Wired in app.ts: the owner kinds an upload may name directly (with ownerId), each checked by its module. */
  function registerOwner(ownerKind: string, check: OwnerCheck): void {
    owners.set(ownerKind, check);
  }

  /** An upload that names its owner is filed under the owner's unit, after the owner's module allowed it. */
  async function ownerOrgCode(ctx: RequestContext, ownerKind: string, ownerId: number): Promise<string> {
    const check = owners.get(ownerKind);
    if (!check) {
      throw AppError.validation([
        {
          field: 'ownerId',
          messageZh: '此类附件须先上传、再随记录保存关联',
          messageEn: 'Upload this kind without an owner; it is linked when the record is saved',
        },
      ]);
    }
    return (await check(ctx, ownerId)).orgCode;
  }

  function authoriseUpload(ctx: RequestContext): void {
    requirePermission(ctx, 'attachments:write');
  }

  /** Streams one uploaded file to a temp file, hashing it. */
  async function receive(stream: Readable & { truncated?: boolean }): Promise<ReceivedFile> {
    await mkdir(tmpDir, { recursive: true });
    const tmpPath = path.join(tmpDir, randomUUID());
    const hash = createHash('sha256');
    let size = 0;
    stream.on('data', (chunk: Buffer) => {
      hash.update(chunk);
      size += chunk.length;
    });
    try {
      await pipeline(stream, createWriteStream(tmpPath));
    } catch (err) {
      await rm(tmpPath, { force: true });
      if (err && typeof err === 'object' && 'statusCode' in err && err.statusCode === 413) throw attachmentTooLarge();
      throw err;
    }
    return { tmpPath, sha256: hash.digest('hex'), sizeBytes: size, truncated: stream.truncated === true };
  }

  /** Checks a received file and records it (unlinked until its owner is saved, unless ownerId is given). */
  async function store(
    ctx: RequestContext,
    input: { ownerKind: string; ownerId: number | null; orgCode: string | null; fileName: string | undefined },
    file: ReceivedFile,
  ): Promise<AttachmentRow> {
    try {
      requirePermission(ctx, 'attachments:write');
      if (file.truncated || file.sizeBytes > ATTACHMENT_MAX_BYTES) throw attachmentTooLarge();
      if (file.sizeBytes === 0)
        throw AppError.validation([{ field: 'file', messageZh: '文件是空的', messageEn: 'The file is empty' }]);
      if (!/^[a-zA-Z]{2,40}$/.test(input.ownerKind)) {
        throw AppError.validation([
          { field: 'ownerKind', messageZh: '附件归属类型无效', messageEn: 'Invalid owner kind' },
        ]);
      }
      const orgCode =
        input.ownerId !== null
          ? await ownerOrgCode(ctx, input.ownerKind, input.ownerId)
          : (input.orgCode ?? ctx.actor.orgCode);
      if (!ORG_CODE_PATTERN.test(orgCode))
        throw AppError.validation([{ field: 'orgCode', messageZh: '机构代码无效', messageEn: 'Invalid org code' }]);
      requireInScope(ctx, orgCode);
      const fh = await open(file.tmpPath, 'r');
      const head = Buffer.alloc(16);
      try {
        await fh.read(head, 0, 16, 0);
      } finally {
        await fh.close();
      }
      const mime = sniffMime(head);
      if (!mime) {
        throw AppError.validation([
          {
            field: 'file',
            messageZh: '只能上传图片（JPG、PNG、WEBP、GIF）或 PDF 文件',
            messageEn: 'Only images (JPG, PNG, WEBP, GIF) or PDF files can be uploaded',
          },
        ]);
      }
      await mkdir(dir, { recursive: true });
      const target = path.join(dir, file.sha256);
      const exists = await stat(target).then(
        () => true,
        () => false,
      );
      if (exists) await rm(file.tmpPath, { force: true });
      else await rename(file.tmpPath, target);
      const row = await db.transaction(async (tx) => {
        const r = await insertAttachment(tx, {
          countyCode: countyCodeOf(orgCode),
          orgCode,
          ownerKind: input.ownerKind,
          ownerId: input.ownerId,
          fileName: cleanFileName(input.fileName),
          mime,
          sizeBytes: file.sizeBytes,
          sha256: file.sha256,
          uploadedBy: ctx.actor.id || null,
        });
        await recordAudit(tx, ctx, {
          action: 'upload',
          entity: 'attachment',
          entityId: r.id,
          orgCode,
          after: {
            ownerKind: r.ownerKind,
            ownerId: r.ownerId,
            fileName: r.fileName,
            mime,
            sizeBytes: r.sizeBytes,
            sha256: r.sha256,
          },
        });
        return r;
      });
      return toAttachmentRow(row);
    } finally {
      await rm(file.tmpPath, { force: true });
    }
  }

  /** Metadata and a read stream; the read is audited (who looked at which scan). */
  async function openForRead(ctx: RequestContext, id: number) {
    requirePermission(ctx, 'attachments:read');
    const r = await findAttachment(db, ctx.actor.scopePrefix, id);
    if (!r) throw AppError.notFound({ zh: '附件', en: 'Attachment' });
    const file = path.join(dir, r.sha256);
    const exists = await stat(file).then(
      () => true,
      () => false,
    );
    if (!exists) throw AppError.notFound({ zh: '附件文件', en: 'Attachment file' });
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

  async function list(ctx: RequestContext, ownerKind: string, ownerId: number): Promise<AttachmentRow[]> {
    requirePermission(ctx, 'attachments:read');
    return (await listAttachments(db, ctx.actor.scopePrefix, ownerKind, [ownerId])).map(toAttachmentRow);
  }

  /**
   * Inside the owner's transaction: attach this user's unlinked uploads of `ownerKind` to the owner record,
   * under the owner's org unit. Unknown, foreign or already linked ids are a validation error.
   */
  async function link(
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

  /** Attachments of many owners of one kind (for a timeline), within scope. */
  async function listMany(ctx: RequestContext, ownerKind: string, ownerIds: number[]): Promise<AttachmentRow[]> {
    requirePermission(ctx, 'attachments:read');
    return (await listAttachments(db, ctx.actor.scopePrefix, ownerKind, ownerIds)).map(toAttachmentRow);
  }

  async function discard(file: ReceivedFile): Promise<void> {
    await rm(file.tmpPath, { force: true });
  }

  return { authoriseUpload, registerOwner, receive, discard, store, openForRead, list, listMany, link };
}

export type AttachmentsService = ReturnType<typeof createAttachmentsService>;
