import { Readable } from 'node:stream';
import { sql } from 'drizzle-orm';
import { employmentInput, trainingInput, type EmploymentImportReport } from '#common/contracts/employment.ts';
import { normaliseIdNumber } from '#common/domain/id-card.ts';
import { tryParseYuanToFen } from '#common/domain/money.ts';
import { isIsoDate } from '#common/domain/period.ts';
import { queryRows, type Db } from '#server/db/connect.ts';
import { AppError } from '#server/lib/app-error.ts';
import type { PersonalDataBox } from '#server/lib/crypto.ts';
import { createWorkbookReader, sheetRows } from '#server/lib/xlsx-stream-reader.ts';
import { CERTIFICATE_ZH, PLACE_ZH, TRAINING_ZH } from './employment.labels.ts';

// The .xlsx a 人社 office sends: one sheet, a header row (title rows above it are skipped), one person per row,
// found in the registry by 身份证号. Every row is checked; problems are listed per row and column (行号 is the
// spreadsheet's). A dry run writes nothing; a real import writes all rows or, when any row is wrong, none.

export const JOB_HEADERS = [
  '姓名',
  '身份证号',
  '务工地点类别',
  '务工地点',
  '就业单位',
  '工种',
  '开始日期',
  '结束日期',
  '月收入（元）',
] as const;
export const TRAINING_HEADERS = [
  '姓名',
  '身份证号',
  '培训类型',
  '培训项目',
  '培训机构',
  '开始日期',
  '结束日期',
  '证书类型',
  '证书编号',
  '发证日期',
] as const;
export const MAX_IMPORT_ROWS = 5000;

type Kind = 'jobs' | 'trainings';
type Cell = string | number | boolean | Date | null;
type RowError = EmploymentImportReport['errors'][number];

function cellOf(value: unknown): Cell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' || value instanceof Date)
    return value;
  if (typeof value === 'object') {
    const v = value as { richText?: { text: string }[]; text?: unknown; result?: unknown };
    if (v.richText) return v.richText.map((t) => t.text).join('');
    if ('result' in v) return cellOf(v.result);
    if (v.text !== undefined) return cellOf(v.text);
  }
  return String(value);
}

/** The rows of the first worksheet, through the guarded streaming reader of server/lib. */
async function readRows(buffer: Buffer): Promise<{ row: number; cells: Cell[] }[]> {
  const out: { row: number; cells: Cell[] }[] = [];
  try {
    const workbook = createWorkbookReader(Readable.from(buffer), {
      worksheets: 'emit',
      sharedStrings: 'cache',
      styles: 'cache',
      hyperlinks: 'ignore',
      entries: 'ignore',
    });
    for await (const worksheet of workbook) {
      for await (const { row, cells } of sheetRows(worksheet, '"Sheet1"')) {
        out.push({ row, cells: cells.map(cellOf) });
        if (out.length > MAX_IMPORT_ROWS + 5)
          throw new AppError('PAYLOAD_TOO_LARGE', {
            zh: `一次至多导入 ${MAX_IMPORT_ROWS} 行`,
            en: `At most ${MAX_IMPORT_ROWS} rows per import`,
          });
      }
      break;
    }
  } catch (err) {
    if (err instanceof AppError) throw err;
    throw new AppError('BAD_REQUEST', {
      zh: '无法读取 Excel 文件，请确认是 .xlsx 格式且未损坏',
      en: 'The Excel file cannot be read; make sure it is an undamaged .xlsx file',
    });
  }
  return out;
}

const text = (c: Cell | undefined): string => (c === null || c === undefined ? '' : String(c).trim());

/** A date cell: a real date, or 2025-03-01 / 2025/3/1 / 2025.3.1 / 20250301. */
export function dateOf(c: Cell | undefined): string | null | 'bad' {
  if (c === null || c === undefined || text(c) === '') return null;
  if (c instanceof Date)
    return `${c.getUTCFullYear()}-${String(c.getUTCMonth() + 1).padStart(2, '0')}-${String(c.getUTCDate()).padStart(2, '0')}`;
  const s = text(c);
  const m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(s) ?? /^(\d{4})(\d{2})(\d{2})$/.exec(s);
  if (!m) return 'bad';
  const iso = `${m[1]}-${m[2].padStart(2, '0')}-${m[3].padStart(2, '0')}`;
  return isIsoDate(iso) ? iso : 'bad';
}

const codeOf = <K extends string>(labels: Record<K, string>, value: string): K | undefined =>
  (Object.entries(labels) as [K, string][]).find(([, zh]) => zh === value)?.[0];

export interface ImportDeps {
  db: Db;
  box: PersonalDataBox;
}

/** Reads and checks the file; the valid rows carry the person and household found in the registry. */
export async function checkImport(
  deps: ImportDeps,
  kind: Kind,
  buffer: Buffer,
  countyCode: string,
  scopePrefix: string,
) {
  const rows = await readRows(buffer);
  const headers: readonly string[] = kind === 'jobs' ? JOB_HEADERS : TRAINING_HEADERS;
  const headerAt = rows.slice(0, 5).findIndex((r) => r.cells.some((c) => text(c) === '身份证号'));
  if (headerAt < 0)
    throw AppError.validation([
      {
        field: 'file',
        messageZh: `未找到表头行（应含：${headers.join('、')}）`,
        messageEn: `No header row (expected: ${headers.join(', ')})`,
      },
    ]);
  const headerCells = rows[headerAt].cells.map(text);
  const missing = headers.filter((h) => !headerCells.includes(h) && h !== '工种' && h !== '培训机构');
  if (missing.length)
    throw AppError.validation([
      {
        field: 'file',
        messageZh: `缺少列：${missing.join('、')}`,
        messageEn: `Missing columns: ${missing.join(', ')}`,
      },
    ]);
  const col = (name: string) => headerCells.indexOf(name);
  const data = rows.slice(headerAt + 1).filter((r) => r.cells.some((c) => text(c) !== ''));
  const errors: RowError[] = [];
  const valid: { row: number; personId: number; householdId: number; villageCode: string; value: object }[] = [];
  const err = (row: number, column: string, zh: string, en: string) =>
    errors.push({ row, column, messageZh: zh, messageEn: en });

  for (const r of data) {
    const get = (name: string) => (col(name) >= 0 ? r.cells[col(name)] : null);
    const before = errors.length;
    const id = normaliseIdNumber(text(get('身份证号')));
    let person: { id: number; household_id: number; village_code: string; name: string } | undefined;
    if (!/^\d{17}[\dX]$/.test(id)) err(r.row, '身份证号', '身份证号应为18位', 'ID number must have 18 characters');
    else {
      [person] = await queryRows<{ id: number; household_id: number; village_code: string; name: string }>(
        deps.db,
        sql`SELECT p.id, h.id AS household_id, h.village_code, p.name FROM person p
          JOIN membership m ON m.person_id = p.id AND m.county_code = p.county_code AND m.valid_to IS NULL JOIN household h ON h.id = m.household_id AND h.county_code = m.county_code
          WHERE p.county_code = ${countyCode} AND p.id_hash = ${deps.box.hash(id)} AND h.closed_on IS NULL`,
      );
      if (!person || (scopePrefix !== '' && !person.village_code.startsWith(scopePrefix)))
        err(r.row, '身份证号', '农户台账中没有此人（或不在本辖区）', 'Not in the registry (or outside the scope)');
      else if (text(get('姓名')) && text(get('姓名')) !== person.name)
        err(r.row, '姓名', '姓名与台账不一致', 'Name differs from the registry');
    }
    const dates: Record<string, string | null> = {};
    for (const name of ['开始日期', '结束日期', '发证日期']) {
      const d = dateOf(get(name));
      if (d === 'bad') err(r.row, name, '日期格式应为 YYYY-MM-DD', 'Date must be YYYY-MM-DD');
      else dates[name] = d;
    }
    let value: object;
    if (kind === 'jobs') {
      const placeKind = codeOf(PLACE_ZH, text(get('务工地点类别')));
      if (!placeKind) err(r.row, '务工地点类别', '应为 县内、省内县外 或 省外', 'Must be 县内, 省内县外 or 省外');
      const income = text(get('月收入（元）'));
      const fen = income === '' ? { ok: true as const, fen: 0 } : tryParseYuanToFen(income);
      if (!fen.ok) err(r.row, '月收入（元）', fen.messageZh, fen.messageEn);
      value = {
        personId: person ? Number(person.id) : 1,
        placeKind,
        place: text(get('务工地点')),
        employer: text(get('就业单位')) || null,
        job: text(get('工种')) || null,
        startOn: dates['开始日期'] ?? '',
        endOn: dates['结束日期'] ?? null,
        monthlyIncomeFen: fen.ok ? fen.fen : 0,
      };
    } else {
      const kindCode = codeOf(TRAINING_ZH, text(get('培训类型')));
      if (!kindCode) err(r.row, '培训类型', `应为 ${Object.values(TRAINING_ZH).join('、')}`, 'Unknown kind');
      const cert = text(get('证书类型'));
      const certCode = cert === '' || cert === '未取得' ? null : codeOf(CERTIFICATE_ZH, cert);
      if (certCode === undefined)
        err(r.row, '证书类型', `应为 ${Object.values(CERTIFICATE_ZH).join('、')} 或留空`, 'Unknown certificate');
      value = {
        personId: person ? Number(person.id) : 1,
        kind: kindCode,
        course: text(get('培训项目')),
        provider: text(get('培训机构')) || null,
        startOn: dates['开始日期'] ?? '',
        endOn: dates['结束日期'] ?? '',
        certificateKind: certCode ?? null,
        certificateNo: text(get('证书编号')) || null,
        certifiedOn: dates['发证日期'] ?? null,
      };
    }
    // The same checks as a form: what the contract refuses, on the row's column.
    if (errors.length === before) {
      const parsed = (kind === 'jobs' ? employmentInput : trainingInput).safeParse(value);
      if (!parsed.success)
        for (const issue of parsed.error.issues) {
          const field = String(issue.path[0] ?? '');
          const column = FIELD_COLUMNS[field] ?? field;
          const [zh, en] = issue.message.includes(' / ') ? issue.message.split(' / ') : ['内容不正确', issue.message];
          err(r.row, column, zh, en);
        }
      else if (person)
        valid.push({
          row: r.row,
          personId: Number(person.id),
          householdId: Number(person.household_id),
          villageCode: person.village_code,
          value: parsed.data,
        });
    }
  }
  return { rows: data.length, errors, valid };
}

const FIELD_COLUMNS: Record<string, string> = {
  place: '务工地点',
  startOn: '开始日期',
  endOn: '结束日期',
  monthlyIncomeFen: '月收入（元）',
  course: '培训项目',
  certifiedOn: '发证日期',
  employer: '就业单位',
};
