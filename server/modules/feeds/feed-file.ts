// A department file → its rows, whatever the format: .xlsx (a zip archive) by its magic bytes,
// otherwise CSV. The old binary .xls is refused with a hint rather than read as garbage.

import { Readable } from 'node:stream';
import type { FeedCell } from '#common/domain/feeds/validate-record.ts';
import { AppError } from '#server/lib/app-error.ts';
import { readCsvRows } from './csv-reader.ts';
import { readXlsxRows } from './xlsx-reader.ts';

export type FeedFileInput = { buffer: Uint8Array } | { stream: AsyncIterable<Uint8Array> };

export interface FileRow {
  row: number;
  cells: FeedCell[];
}

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const OLE = [0xd0, 0xcf, 0x11, 0xe0];
const startsWith = (bytes: Uint8Array, magic: number[]) => magic.every((b, i) => bytes[i] === b);

async function* chunksOf(input: FeedFileInput): AsyncGenerator<Uint8Array> {
  if ('buffer' in input) yield input.buffer;
  else for await (const chunk of input.stream) yield typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
}

/** The first bytes decide the format; the stream is then replayed from its start. */
async function peek(
  chunks: AsyncGenerator<Uint8Array>,
): Promise<{ head: Uint8Array; all: AsyncGenerator<Uint8Array> }> {
  const first: Uint8Array[] = [];
  let size = 0;
  while (size < 4) {
    const next = await chunks.next();
    if (next.done) break;
    first.push(next.value);
    size += next.value.length;
  }
  const head = Buffer.concat(first);
  async function* all() {
    if (head.length > 0) yield head;
    yield* chunks;
  }
  return { head, all: all() };
}

export async function* readFeedFile(input: FeedFileInput): AsyncGenerator<FileRow> {
  const { head, all } = await peek(chunksOf(input));
  if (head.length === 0) throw new AppError('BAD_REQUEST', { zh: '文件为空', en: 'The file is empty' });
  if (startsWith(head, OLE)) {
    throw new AppError('BAD_REQUEST', {
      zh: '不支持旧版 .xls 文件，请另存为 .xlsx 或 CSV UTF-8',
      en: 'Old .xls files are not supported; save as .xlsx or CSV UTF-8',
    });
  }
  if (startsWith(head, ZIP)) {
    const stream = Readable.from(all, { objectMode: false });
    try {
      yield* readXlsxRows(stream);
    } finally {
      stream.destroy();
    }
    return;
  }
  yield* readCsvRows(all);
}
