import path from 'node:path';
import type { Db } from '#server/db/connect.ts';
import { bindDeps } from '#server/lib/use-cases.ts';
import { link } from './attachments.link.ts';
import { list, listMany, openForRead } from './attachments.read.ts';
import type { AttachmentsDeps } from './attachments.shared.ts';
import { authoriseUpload, discard, receive, registerOwner, store } from './attachments.upload.ts';

// Uploads stream to a temp file while hashed, are checked by their first bytes (images and PDF only,
// whatever the browser claims), then move to DATA_DIR/attachments/<sha256>. Other modules link the
// uploads to their records with `link` inside their own transaction.
// One factory composing the use cases: uploads (attachments.upload.ts), reads (.read.ts), linking (.link.ts),
// what they share (.shared.ts).

export {
  attachmentTooLarge,
  cleanFileName,
  sniffMime,
  toAttachmentRow,
  type OwnerCheck,
  type ReceivedFile,
} from './attachments.shared.ts';

export function createAttachmentsService(db: Db, dataDir: string) {
  const dir = path.join(dataDir, 'attachments');
  const d: AttachmentsDeps = { db, dir, tmpDir: path.join(dir, 'tmp'), owners: new Map() };
  return {
    authoriseUpload: bindDeps(d, authoriseUpload),
    registerOwner: bindDeps(d, registerOwner),
    receive: bindDeps(d, receive),
    discard: bindDeps(d, discard),
    store: bindDeps(d, store),
    openForRead: bindDeps(d, openForRead),
    list: bindDeps(d, list),
    listMany: bindDeps(d, listMany),
    link: bindDeps(d, link),
  };
}

export type AttachmentsService = ReturnType<typeof createAttachmentsService>;
