import multipart from '@fastify/multipart';
import { z } from 'zod';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  ATTACHMENT_MAX_BYTES,
  attachmentIdParams,
  attachmentListQuery,
  attachmentRow,
} from '#common/contracts/attachments.ts';
import { AppError } from '#server/lib/app-error.ts';
import { sendDownload } from '#server/http/download.ts';
import { requireCtx } from '#server/http/session.ts';
import type { App } from '#server/http/types.ts';
import { attachmentTooLarge, type AttachmentsService, type ReceivedFile } from './attachments.service.ts';

// POST /api/attachments (multipart: ownerKind, optional ownerId and orgCode, then one `file`),
// GET /api/attachments?ownerKind=&ownerId= (metadata), GET /api/attachments/:id (the bytes, audited).

const tags = ['attachments'];

export function attachmentsRoutes(app: App, deps: { attachments: AttachmentsService }): void {
  const { attachments } = deps;

  app.register(async (plugin) => {
    const scoped = plugin.withTypeProvider<ZodTypeProvider>();
    if (!scoped.hasRequestDecorator('parts'))
      await scoped.register(multipart, { limits: { fileSize: ATTACHMENT_MAX_BYTES, files: 1, fields: 10 } });
    scoped.post(
      '/api/attachments',
      {
        schema: {
          tags,
          summary: '上传附件（multipart：ownerKind、ownerId、orgCode、file；图片或 PDF）',
          response: { 200: attachmentRow },
        },
      },
      async (req) => {
        const ctx = requireCtx(req);
        attachments.authoriseUpload(ctx); // before the upload is read
        if (!req.isMultipart())
          throw new AppError('BAD_REQUEST', {
            zh: '请以 multipart/form-data 上传文件',
            en: 'Send the file as multipart/form-data',
          });
        const fields: Record<string, string> = {};
        let received: ReceivedFile | null = null;
        let fileName: string | undefined;
        try {
          for await (const part of req.parts({ limits: { fileSize: ATTACHMENT_MAX_BYTES } })) {
            if (part.type === 'file') {
              if (received || part.fieldname !== 'file') {
                part.file.resume();
                continue;
              }
              fileName = part.filename;
              received = await attachments.receive(part.file);
            } else {
              fields[part.fieldname] = String(part.value);
            }
          }
        } catch (err) {
          if (received) await attachments.discard(received);
          if (err && typeof err === 'object' && 'statusCode' in err && err.statusCode === 413)
            throw attachmentTooLarge();
          throw err;
        }
        if (!received)
          throw AppError.validation([
            { field: 'file', messageZh: '请选择要上传的文件', messageEn: 'Choose a file to upload' },
          ]);
        const ownerId = fields.ownerId ? Number(fields.ownerId) : null;
        if (ownerId !== null && !(Number.isInteger(ownerId) && ownerId > 0)) {
          throw AppError.validation([
            { field: 'ownerId', messageZh: '归属记录编号无效', messageEn: 'Invalid owner id' },
          ]);
        }
        return attachments.store(
          ctx,
          { ownerKind: fields.ownerKind ?? '', ownerId, orgCode: fields.orgCode || null, fileName },
          received,
        );
      },
    );
  });

  app.get(
    '/api/attachments',
    {
      schema: {
        tags,
        summary: '某记录的附件',
        querystring: attachmentListQuery,
        response: { 200: z.array(attachmentRow) },
      },
    },
    (req) => attachments.list(requireCtx(req), req.query.ownerKind, req.query.ownerId),
  );

  app.get(
    '/api/attachments/:id',
    { schema: { tags, summary: '查看附件（留痕）', params: attachmentIdParams } },
    async (req, reply) => {
      const { row, stream } = await attachments.openForRead(requireCtx(req), req.params.id);
      const inline = row.mime.startsWith('image/') || row.mime === 'application/pdf';
      return sendDownload(req, reply, {
        fileName: row.fileName,
        contentType: row.mime,
        body: stream,
        disposition: inline ? 'inline' : 'attachment',
        headers: { 'content-length': row.sizeBytes, 'cache-control': 'private, no-store' },
      });
    },
  );
}
