import { crc32, deflateRawSync, constants as zlibConstants } from 'node:zlib';

// Malformed import files, generated (no binary fixtures): hand-built zip archives so a bomb of
// hundreds of megabytes costs kilobytes to make, truncated and random files, wrong headers, GBK text,
// over-long cells, merged cells, huge row and column counts. Used by unit tests and `npm run fuzz`.

export interface CorpusFile {
  name: string;
  /** .xlsx or .csv: the household import takes the file by its name. */
  fileName: string;
  content: Buffer;
}

interface ZipPart {
  name: string;
  /** Stored as raw deflate; `size`/`crc` given for prebuilt bombs. */
  deflated: Buffer;
  size: number;
  crc: number;
}

const part = (name: string, text: string | Buffer): ZipPart => {
  const data = typeof text === 'string' ? Buffer.from(text, 'utf8') : text;
  return { name, deflated: deflateRawSync(data), size: data.length, crc: crc32(data) };
};

/**
 * Raw deflate of prefix + fill × n + suffix without ever holding the middle: one compressed 1 MiB
 * block of `fill` (a full flush makes it self-contained) repeated. The CRC is left 0 (readers of a
 * streamed zip do not check it).
 */
export function bombPart(
  name: string,
  prefix: string,
  fill: string,
  megabytes: number,
  suffix: string,
  final = true,
): ZipPart {
  const flush = { finishFlush: zlibConstants.Z_FULL_FLUSH };
  const block = deflateRawSync(Buffer.alloc(1024 * 1024, fill), flush);
  const end = final ? deflateRawSync(Buffer.from(suffix)) : deflateRawSync(Buffer.from(suffix), flush);
  const pieces = [deflateRawSync(Buffer.from(prefix), flush), ...Array.from({ length: megabytes }, () => block), end];
  return {
    name,
    deflated: Buffer.concat(pieces),
    size: prefix.length + megabytes * 1024 * 1024 + suffix.length,
    crc: 0,
  };
}

/** Like bombPart, with a repeated unit (e.g. a row tag) about `times` times. */
export function repeatedPart(name: string, prefix: string, unit: string, times: number, suffix: string): ZipPart {
  const flush = { finishFlush: zlibConstants.Z_FULL_FLUSH };
  const perBlock = Math.max(1, Math.floor((1024 * 1024) / unit.length));
  const block = deflateRawSync(Buffer.from(unit.repeat(perBlock)), flush);
  const blocks = Math.ceil(times / perBlock);
  const pieces = [
    deflateRawSync(Buffer.from(prefix), flush),
    ...Array.from({ length: blocks }, () => block),
    deflateRawSync(Buffer.from(suffix)),
  ];
  return {
    name,
    deflated: Buffer.concat(pieces),
    size: prefix.length + blocks * perBlock * unit.length + suffix.length,
    crc: 0,
  };
}

/** A zip archive (local headers, deflated data, central directory) of the parts in order. */
export function zipOf(parts: (ZipPart | [string, string | Buffer])[]): Buffer {
  const local: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const p of parts.map((x) => (Array.isArray(x) ? part(x[0], x[1]) : x))) {
    const name = Buffer.from(p.name, 'utf8');
    const size = Math.min(p.size, 0xffffffff);
    const head = Buffer.alloc(30);
    head.writeUInt32LE(0x04034b50, 0);
    head.writeUInt16LE(20, 4);
    head.writeUInt16LE(0x0800, 6);
    head.writeUInt16LE(8, 8);
    head.writeUInt32LE(p.crc >>> 0, 14);
    head.writeUInt32LE(p.deflated.length, 18);
    head.writeUInt32LE(size, 22);
    head.writeUInt16LE(name.length, 26);
    const dir = Buffer.alloc(46);
    dir.writeUInt32LE(0x02014b50, 0);
    dir.writeUInt16LE(20, 4);
    dir.writeUInt16LE(20, 6);
    dir.writeUInt16LE(0x0800, 8);
    dir.writeUInt16LE(8, 10);
    dir.writeUInt32LE(p.crc >>> 0, 16);
    dir.writeUInt32LE(p.deflated.length, 20);
    dir.writeUInt32LE(size, 24);
    dir.writeUInt16LE(name.length, 28);
    dir.writeUInt32LE(offset, 42);
    local.push(head, name, p.deflated);
    central.push(dir, name);
    offset += head.length + name.length + p.deflated.length;
  }
  const centralSize = central.reduce((n, b) => n + b.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(central.length / 2, 8);
  end.writeUInt16LE(central.length / 2, 10);
  end.writeUInt32LE(centralSize, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...local, ...central, end]);
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const colName = (n: number): string =>
  n <= 26 ? String.fromCharCode(64 + n) : colName(Math.floor((n - 1) / 26)) + String.fromCharCode(65 + ((n - 1) % 26));

/** A worksheet of inline strings; `extra` goes after sheetData (e.g. mergeCells). */
export function sheetXml(rows: string[][], extra = ''): string {
  const body = rows
    .map(
      (cells, r) =>
        `<row r="${r + 1}">${cells.map((v, c) => `<c r="${colName(c + 1)}${r + 1}" t="inlineStr"><is><t>${esc(v)}</t></is></c>`).join('')}</row>`,
    )
    .join('');
  return `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${body}</sheetData>${extra}</worksheet>`;
}

/** The package parts around the sheets: content types, relationships and the workbook with sheet names. */
export function workbookParts(titles: string[]): [string, string][] {
  const ns = 'http://schemas.openxmlformats.org/';
  const sheets = titles.map((t, i) => `<sheet name="${esc(t)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('');
  const rels = titles
    .map(
      (_, i) =>
        `<Relationship Id="rId${i + 1}" Type="${ns}officeDocument/2006/relationships/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`,
    )
    .join('');
  return [
    [
      '[Content_Types].xml',
      `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="${ns}package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>`,
    ],
    [
      '_rels/.rels',
      `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="${ns}package/2006/relationships"><Relationship Id="rId1" Type="${ns}officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    ],
    [
      'xl/workbook.xml',
      `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="${ns}spreadsheetml/2006/main" xmlns:r="${ns}officeDocument/2006/relationships"><sheets>${sheets}</sheets></workbook>`,
    ],
    [
      'xl/_rels/workbook.xml.rels',
      `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="${ns}package/2006/relationships">${rels}</Relationships>`,
    ],
  ];
}

const sharedStringsHead =
  '<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">';

/** A workbook whose shared strings hold `count` strings of `megabytes` each (the 4.9 MB file of the issue). */
export function sharedStringBomb(count: number, megabytes: number): Buffer {
  const strings = Array.from({ length: count }, (_, i) =>
    bombPart(
      'xl/sharedStrings.xml',
      i === 0 ? `${sharedStringsHead}<si><t>` : '</t></si><si><t>',
      'A',
      megabytes,
      i === count - 1 ? '</t></si></sst>' : '',
      i === count - 1,
    ),
  );
  // One entry: the pieces' deflate streams follow each other (all but the last end in a full flush).
  const merged: ZipPart = {
    name: 'xl/sharedStrings.xml',
    deflated: Buffer.concat(strings.map((s) => s.deflated)),
    size: strings.reduce((n, s) => n + s.size, 0),
    crc: 0,
  };
  const sheet = `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c></row></sheetData></worksheet>`;
  return zipOf([...workbookParts(['户信息']), merged, ['xl/worksheets/sheet1.xml', sheet]]);
}

/** A plain workbook of inline-string sheets. */
export function xlsxOf(sheets: { title: string; rows: string[][]; extra?: string }[]): Buffer {
  return zipOf([
    ...workbookParts(sheets.map((s) => s.title)),
    ...sheets.map((s, i): [string, string] => [`xl/worksheets/sheet${i + 1}.xml`, sheetXml(s.rows, s.extra)]),
  ]);
}

/** GBK bytes of 证件号码,姓名 / a row: what Excel's plain "CSV" saves on a Chinese Windows. */
export const GBK_CSV = Buffer.from([
  0xd6, 0xa4, 0xbc, 0xfe, 0xba, 0xc5, 0xc2, 0xeb, 0x2c, 0xd0, 0xd5, 0xc3, 0xfb, 0x0a, 0xcd, 0xf5, 0x2c, 0xd5, 0xc5,
  0x0a,
]);

/** Deterministic pseudo-random bytes (xorshift), so a failing fuzz case can be made again. */
export function noise(bytes: number, seed: number): Buffer {
  const out = Buffer.alloc(bytes);
  let x = seed >>> 0 || 1;
  for (let i = 0; i < bytes; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    out[i] = x & 0xff;
  }
  return out;
}
