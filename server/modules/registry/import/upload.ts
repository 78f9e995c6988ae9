import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { FastifyRequest } from 'fastify';
import type {} from '@fastify/multipart';
import { AppError } from '#server/lib/app-error.ts';
import { tempPrefix } from '#server/lib/temp-dirs.ts';
import type { ImportFiles, UploadedFile } from './import.service.ts';

// Uploaded files go to a private temp directory as they stream in (never whole into memory): the
// import job reads them after the request has been answered, and removes them when it ends.

const FIELDS = ['households', 'members'] as const;

export interface SavedUpload {
  dir: string;
  files: ImportFiles;
  remove(): Promise<void>;
}

/** The user's file name, for the report: no directories, no control characters, bounded. */
function displayName(filename: string | undefined, fallback: string): string {
  const base = [...path.basename((filename ?? '').replace(/\\/g, '/'))]
    .filter((c) => c.charCodeAt(0) >= 0x20)
    .join('')
    .trim();
  return (base || fallback).slice(0, 120);
}

export async function saveUploads(req: FastifyRequest): Promise<SavedUpload> {
  if (!req.isMultipart()) {
    throw new AppError('BAD_REQUEST', {
      zh: '请以 multipart/form-data 上传文件',
      en: 'Send the files as multipart/form-data',
    });
  }
  const dir = await mkdtemp(tempPrefix(os.tmpdir(), 'import'));
  const remove = () => rm(dir, { recursive: true, force: true });
  const saved: Partial<Record<(typeof FIELDS)[number], UploadedFile>> = {};
  try {
    for await (const part of req.parts()) {
      if (part.type !== 'file') continue;
      const field = FIELDS.find((f) => f === part.fieldname);
      if (!field || saved[field]) {
        part.file.resume();
        continue;
      }
      const file = path.join(dir, field);
      await pipeline(part.file, createWriteStream(file));
      saved[field] = { name: displayName(part.filename, field), path: file };
    }
  } catch (err) {
    await remove();
    throw err;
  }
  if (!saved.households) {
    await remove();
    throw AppError.validation([
      {
        field: 'households',
        messageZh: '请上传户信息文件（.xlsx 工作簿或 households.csv）',
        messageEn: 'Upload the households file (.xlsx workbook or households.csv)',
      },
    ]);
  }
  return { dir, files: { households: saved.households, members: saved.members }, remove };
}
