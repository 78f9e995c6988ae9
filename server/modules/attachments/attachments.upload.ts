import { createHash, randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, open, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { ATTACHMENT_MAX_BYTES, type AttachmentRow } from '#common/contracts/attachments.ts';
import { countyCodeOf, ORG_CODE_PATTERN } from '#common/domain/org-code.ts';
import { AppError } from '#server/lib/app-error.ts';
import type { RequestContext } from '#server/lib/context.ts';
import { requireInScope, requirePermission } from '#server/lib/permissions.ts';
import { recordAudit } from '../audit/index.ts';
import { insertAttachment } from './attachments.repository.ts';
import {
  attachmentTooLarge,
  cleanFileName,
  fileExists,
  sniffMime,
  toAttachmentRow,
  type AttachmentsDeps,
  type OwnerCheck,
  type ReceivedFile,
} from './attachments.shared.ts';

// Uploads stream to a temp file while hashed, are checked by their first bytes (images and PDF only,
// whatever the browser claims), then move to DATA_DIR/attachments/<sha256> and are recorded, audited.

interface StoreInput {
  ownerKind: string;
  ownerId: number | null;
  orgCode: string | null;
  fileName: string | undefined;
}

/** Wired in app.ts: the owner kinds an upload may name directly (with ownerId), each checked by its module. */
export function registerOwner({ owners }: AttachmentsDeps, ownerKind: string, check: OwnerCheck): void {
  owners.set(ownerKind, check);
}

export function authoriseUpload(_d: AttachmentsDeps, ctx: RequestContext): void {
  requirePermission(ctx, 'attachments:write');
}

/** Streams one uploaded file to a temp file, hashing it. */
export async function receive(
  { tmpDir }: AttachmentsDeps,
  stream: Readable & { truncated?: boolean },
): Promise<ReceivedFile> {
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

export async function discard(_d: AttachmentsDeps, file: ReceivedFile): Promise<void> {
  await rm(file.tmpPath, { force: true });
}

/** An upload that names its owner is filed under the owner's unit, after the owner's module allowed it. */
async function ownerOrgCode(d: AttachmentsDeps, ctx: RequestContext, ownerKind: string, ownerId: number) {
  const check = d.owners.get(ownerKind);
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

/** The size and owner kind checked; the unit the upload is filed under (the owner's, the one named, the actor's). */
async function checkedOrgCode(d: AttachmentsDeps, ctx: RequestContext, input: StoreInput, file: ReceivedFile) {
  if (file.truncated || file.sizeBytes > ATTACHMENT_MAX_BYTES) throw attachmentTooLarge();
  if (file.sizeBytes === 0)
    throw AppError.validation([{ field: 'file', messageZh: '文件是空的', messageEn: 'The file is empty' }]);
  if (!/^[a-zA-Z]{2,40}$/.test(input.ownerKind)) {
    throw AppError.validation([{ field: 'ownerKind', messageZh: '附件归属类型无效', messageEn: 'Invalid owner kind' }]);
  }
  const orgCode =
    input.ownerId !== null
      ? await ownerOrgCode(d, ctx, input.ownerKind, input.ownerId)
      : (input.orgCode ?? ctx.actor.orgCode);
  if (!ORG_CODE_PATTERN.test(orgCode))
    throw AppError.validation([{ field: 'orgCode', messageZh: '机构代码无效', messageEn: 'Invalid org code' }]);
  requireInScope(ctx, orgCode);
  return orgCode;
}

/** The file's type by its first bytes: an image or a PDF, else a validation error. */
async function sniffedMime(tmpPath: string): Promise<string> {
  const fh = await open(tmpPath, 'r');
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
  return mime;
}

/** The temp file moved to its place by content (dropped when the same content is already kept). */
async function keep({ dir }: AttachmentsDeps, file: ReceivedFile): Promise<void> {
  await mkdir(dir, { recursive: true });
  const target = path.join(dir, file.sha256);
  if (await fileExists(target)) await rm(file.tmpPath, { force: true });
  else await rename(file.tmpPath, target);
}

async function record(
  { db }: AttachmentsDeps,
  ctx: RequestContext,
  input: StoreInput,
  file: ReceivedFile,
  filed: { orgCode: string; mime: string },
) {
  const { orgCode, mime } = filed;
  return db.transaction(async (tx) => {
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
    const after = { ownerKind: r.ownerKind, ownerId: r.ownerId, fileName: r.fileName, mime, sizeBytes: r.sizeBytes };
    await recordAudit(tx, ctx, {
      action: 'upload',
      entity: 'attachment',
      entityId: r.id,
      orgCode,
      after: { ...after, sha256: r.sha256 },
    });
    return r;
  });
}

/** Checks a received file and records it (unlinked until its owner is saved, unless ownerId is given). */
export async function store(
  d: AttachmentsDeps,
  ctx: RequestContext,
  input: StoreInput,
  file: ReceivedFile,
): Promise<AttachmentRow> {
  try {
    requirePermission(ctx, 'attachments:write');
    const orgCode = await checkedOrgCode(d, ctx, input, file);
    const mime = await sniffedMime(file.tmpPath);
    await keep(d, file);
    return toAttachmentRow(await record(d, ctx, input, file, { orgCode, mime }));
  } finally {
    await rm(file.tmpPath, { force: true });
  }
}
