import type { MultipartFile } from '@fastify/multipart';
import type { FastifyRequest } from 'fastify';
import { AppError } from '../lib/app-error.ts';

// The one file of an import request (multipart field `file`, registered by the route's plugin), read whole; a
// request without it is a 400 in both languages. Used by the posts, small-loans and insurance sheet imports.

export async function uploadedFile(req: FastifyRequest, maxBytes: number) {
  const file: MultipartFile | undefined = await req.file({ limits: { fileSize: maxBytes, files: 1 } });
  if (!file)
    throw new AppError('BAD_REQUEST', {
      zh: '请在字段 file 中上传文件',
      en: 'Upload the file in the field "file"',
    });
  return { fileName: file.filename, buffer: await file.toBuffer() };
}
