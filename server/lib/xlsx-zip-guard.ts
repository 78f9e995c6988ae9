import { createReadStream, createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { PassThrough, type Duplex, type Readable } from 'node:stream';
import { finished, pipeline } from 'node:stream/promises';
import { limitErrors, type ImportLimits } from './import-limits.ts';
import { tempPrefix } from './temp-dirs.ts';

// exceljs 4.4's WorkbookReader.parse(), rewritten around its zip stream (same unzipper, same entry
// handling, same exceljs parsers), because the original:
// - hangs for ever on a truncated or corrupt archive: unzipper reports the error on the archive
//   stream while exceljs waits on the entry, which never ends (the CLI died with exit code 13,
//   "unsettled top-level await"; an HTTP job stayed "running");
// - inflates without limit (zip bombs) and leaves worksheets it parked in temp files behind on errors.
// Here every entry's bytes are counted as they come out of the inflater (IMPORT_LIMITS): in total,
// for the shared strings, per XML text node and per worksheet row; the first breach, or any archive
// error, destroys the input and the entry being read, so every reader waiting on it fails at once.
// It also never misses the last entries (see the loop below).

const fromExceljs = createRequire(createRequire(import.meta.url).resolve('exceljs'));
const unzipper = fromExceljs('unzipper') as { Parse(options: { forceStream: boolean }): Duplex };

interface ZipEntry extends Readable {
  path: string;
}

/** The parts of exceljs's WorkbookReader this parse drives. */
export interface ReaderHost {
  input: Readable;
  sharedStrings?: unknown;
  workbookRels?: unknown;
  _parseRels(entry: Readable): Promise<void>;
  _parseWorkbook(entry: Readable): Promise<void>;
  _parseSharedStrings(entry: Readable): AsyncGenerator<unknown>;
  _parseStyles(entry: Readable): Promise<void>;
  _parseWorksheet(iterator: AsyncIterable<Buffer | string>, sheetNo: string): Generator<unknown>;
  _parseHyperlinks(iterator: AsyncIterable<Buffer | string>, sheetNo: string): Generator<unknown>;
}

const LT = 0x3c;
const ROW_TAG = Buffer.from('<row');

/** Counts inflated bytes; returns the limit error at the first breach. */
class InflateBudget {
  private total = 0;
  private sharedStrings = 0;
  private textRun = 0;
  private sinceRow = 0;
  private tail = Buffer.alloc(0);

  constructor(private readonly limits: ImportLimits) {}

  startEntry(): void {
    this.textRun = 0;
    this.sinceRow = 0;
    this.tail = Buffer.alloc(0);
  }

  take(entry: string, chunk: Buffer): Error | null {
    const l = this.limits;
    this.total += chunk.length;
    if (this.total > l.maxInflatedBytes) return limitErrors.inflated(l);
    if (entry === 'xl/sharedStrings.xml' && (this.sharedStrings += chunk.length) > l.maxSharedStringsBytes)
      return limitErrors.sharedStrings(l);
    if (!/\.(xml|rels)$/i.test(entry)) return null;
    // The longest stretch without '<': one text node (or one tag).
    let from = 0;
    for (let at = chunk.indexOf(LT); at !== -1; at = chunk.indexOf(LT, from)) {
      if (this.textRun + at - from > l.maxXmlTextBytes) return limitErrors.xmlText(l, entry);
      this.textRun = 0;
      from = at + 1;
    }
    if ((this.textRun += chunk.length - from) > l.maxXmlTextBytes) return limitErrors.xmlText(l, entry);
    if (/^xl\/worksheets\/sheet\d+\.xml$/.test(entry)) {
      // Bytes since the last "<row" (its 3-byte tail carried over, so a tag split across chunks is found).
      const seen = Buffer.concat([this.tail, chunk]);
      const first = seen.indexOf(ROW_TAG);
      if (first === -1) this.sinceRow += chunk.length;
      else {
        if (this.sinceRow + first - this.tail.length > l.maxRowXmlBytes) return limitErrors.rowXml(l, entry);
        this.sinceRow = seen.length - seen.lastIndexOf(ROW_TAG);
      }
      if (this.sinceRow > l.maxRowXmlBytes) return limitErrors.rowXml(l, entry);
      this.tail = seen.subarray(Math.max(0, seen.length - (ROW_TAG.length - 1)));
    }
    return null;
  }
}

/** Replaces `WorkbookReader.prototype.parse` for one reader. */
export async function* guardedParse(host: ReaderHost, limits: ImportLimits): AsyncGenerator<unknown> {
  const input = host.input;
  const zip = unzipper.Parse({ forceStream: true });
  const budget = new InflateBudget(limits);
  const state: { failure: Error | null } = { failure: null };
  let entry: ZipEntry | null = null;
  let body: PassThrough | null = null;
  const fail = (err: Error) => {
    if (state.failure) return;
    state.failure = err;
    input.unpipe(zip);
    input.destroy();
    body?.destroy(err);
    entry?.destroy(err);
    zip.destroy(err);
  };
  zip.on('error', fail);
  input.on('error', fail);
  input.pipe(zip);

  let parkDir: string | null = null;
  const parked: { sheetNo: string; file: string }[] = [];
  try {
    // Node's own iterator, not exceljs's iterate-stream: unzipper emits 'end' when its input is
    // consumed, while entries may still wait in its buffer (exceljs then skipped a parked sheet's
    // shared strings now and then).
    for await (const next of zip as AsyncIterable<ZipEntry>) {
      if (state.failure) throw state.failure;
      entry = next;
      const name = next.path;
      budget.startEntry();
      body = new PassThrough();
      // A failure destroys both with its error; whoever reads them hears it, the rest must not crash.
      body.on('error', () => {});
      next.on('error', fail);
      next.pipe(body);
      // Counts every byte of the entry, also those nobody reads (skipped entries are drained below).
      next.on('data', (chunk: Buffer) => {
        const breach = budget.take(name, chunk);
        if (breach) fail(breach);
      });
      const sheet = /^xl\/worksheets\/sheet(\d+)\.xml$/.exec(name);
      const links = /^xl\/worksheets\/_rels\/sheet(\d+)\.xml\.rels$/.exec(name);
      if (name === 'xl/_rels/workbook.xml.rels') await host._parseRels(body);
      else if (name === 'xl/workbook.xml') await host._parseWorkbook(body);
      else if (name === 'xl/sharedStrings.xml') yield* host._parseSharedStrings(body);
      else if (name === 'xl/styles.xml') await host._parseStyles(body);
      else if (sheet && host.sharedStrings && host.workbookRels) yield* host._parseWorksheet(body, sheet[1]);
      else if (sheet) {
        // Shared strings come later in the archive: the sheet waits in a private temp file, removed below.
        parkDir ??= await mkdtemp(tempPrefix(os.tmpdir(), 'xlsx'));
        const file = path.join(parkDir, `sheet${parked.length}.xml`);
        await pipeline(body, createWriteStream(file, { mode: 0o600 }));
        parked.push({ sheetNo: sheet[1], file });
      } else if (links) yield* host._parseHyperlinks(body, links[1]);
      await drain(next, body);
      entry = null;
      body = null;
    }
    if (state.failure) throw state.failure;
    for (const { sheetNo, file } of parked) yield* host._parseWorksheet(createReadStream(file), sheetNo);
  } catch (err) {
    throw state.failure ?? err;
  } finally {
    input.unpipe(zip);
    input.destroy();
    if (parkDir) await rm(parkDir, { recursive: true, force: true });
  }
}

/** The rest of an entry nobody read, still counted; the archive moves on only when it has ended. */
async function drain(entry: ZipEntry, body: PassThrough): Promise<void> {
  if (entry.readableEnded) return;
  entry.unpipe(body);
  entry.resume();
  await finished(entry);
}
