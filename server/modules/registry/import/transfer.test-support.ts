// Test helpers for the household workbook: real .xlsx and CSV files made here, multipart uploads,
// job polling, registry counts, and an app with the transfer routes (until app.ts wires them itself).

import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { expect } from 'vitest';
import type { ImportReport } from '#common/contracts/registry-transfer.ts';
import { queryRows, type Db } from '#server/db/connect.ts';
import { makeIdNumber } from '#server/test/factories.ts';
import { useTestApp, type TestEnv } from '#server/test/test-app.ts';
import { registryTransferRoutes } from './import.routes.ts';

export type Cell = string | number | null;

/** The column headers exactly as formats.md §1 lists them. */
export const HOUSEHOLD_HEADERS = [
  '行政区划代码',
  '户编号',
  '户主姓名',
  '户主证件号码',
  '户类型',
  '脱贫属性',
  '监测对象类别',
  '识别监测时间',
  '联系电话',
  '家庭住址',
  '危房等级',
  '饮水是否安全',
  '收入年度',
  '工资性收入',
  '生产经营性收入',
  '财产性收入',
  '转移性收入',
  '生产经营性支出',
  '理赔收入',
  '合规自付支出',
];
export const MEMBER_HEADERS = [
  '户编号',
  '姓名',
  '证件号码',
  '与户主关系',
  '民族',
  '政治面貌',
  '文化程度',
  '在校生状况',
  '健康状况',
  '残疾类别',
  '残疾等级',
  '劳动技能',
  '务工时间(月)',
  '务工所在地',
  '是否参加城乡居民基本医疗保险',
  '是否参加城镇职工基本医疗保险',
  '是否享受低保',
  '是否特困供养人员',
];

export type RowValues = Record<string, Cell>;

export interface TestHousehold {
  household: RowValues;
  members: RowValues[];
}

let households = 0;

/** An ordinary three-person household (head, spouse, schoolgirl) in `village`, with 2025 income. */
export function testHousehold(village = '140521100201', surname = '王'): TestHousehold {
  households += 1;
  // 9xxx: apart from the registry factories' 0xxx numbers.
  const householdNo = `${village}9${String(households).padStart(3, '0')}`;
  const head = { name: `${surname}建${households}`, id: makeIdNumber('1968-03-12', 'male') };
  const member = (name: string, id: string, relationship: string, extra: RowValues = {}): RowValues => ({
    户编号: householdNo,
    姓名: name,
    证件号码: id,
    与户主关系: relationship,
    民族: '汉族',
    政治面貌: '群众',
    文化程度: '初中',
    在校生状况: null,
    健康状况: '健康',
    劳动技能: '普通劳动力',
    '务工时间(月)': 8,
    务工所在地: '晋城市',
    是否参加城乡居民基本医疗保险: '是',
    是否参加城镇职工基本医疗保险: '否',
    是否享受低保: '否',
    是否特困供养人员: '否',
    ...extra,
  });
  return {
    household: {
      行政区划代码: village,
      户编号: householdNo,
      户主姓名: head.name,
      户主证件号码: head.id,
      户类型: '一般农户',
      脱贫属性: null,
      监测对象类别: null,
      识别监测时间: null,
      联系电话: '13912345678',
      家庭住址: '第一村民小组 12 号',
      危房等级: 'B',
      饮水是否安全: '是',
      收入年度: 2025,
      工资性收入: 36000,
      生产经营性收入: '8000.00',
      财产性收入: 500,
      转移性收入: 3000,
      生产经营性支出: 2500,
      理赔收入: 0,
      合规自付支出: 0,
    },
    members: [
      member(head.name, head.id, '户主'),
      member(`李秀${households}`, makeIdNumber('1970-08-05', 'female'), '配偶'),
      member(`${surname}丽${households}`, makeIdNumber('2012-05-20', 'female'), '之女', {
        文化程度: null,
        在校生状况: '小学',
        劳动技能: '无劳动力',
        '务工时间(月)': null,
        务工所在地: null,
      }),
    ],
  };
}

const ordered = (headers: readonly string[], values: RowValues): Cell[] => headers.map((h) => values[h] ?? null);

export function sheetRows(list: TestHousehold[], extraHouseholdHeaders: string[] = []) {
  const householdHeaders = [...HOUSEHOLD_HEADERS, ...extraHouseholdHeaders];
  return {
    households: [householdHeaders, ...list.map((h) => ordered(householdHeaders, h.household))],
    members: [MEMBER_HEADERS, ...list.flatMap((h) => h.members.map((m) => ordered(MEMBER_HEADERS, m)))],
  };
}

/** A real two-sheet workbook written by exceljs, IDs as text. */
export async function workbook(sheets: { households: Cell[][]; members: Cell[][] }): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.addWorksheet('户信息').addRows(sheets.households);
  book.addWorksheet('家庭成员').addRows(sheets.members);
  return Buffer.from(await book.xlsx.writeBuffer());
}

/** CSV as Excel writes it: BOM, CRLF, quotes where needed. */
export function csv(rows: Cell[][]): Buffer {
  const field = (c: Cell) => {
    const text = c === null ? '' : String(c);
    return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  };
  const body = rows.map((r) => r.map(field).join(',')).join('\r\n') + '\r\n';
  return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(body, 'utf8')]);
}

export function multipart(files: Record<string, { name: string; content: Buffer }>) {
  const boundary = '----guardline-ledger-boundary';
  const parts = Object.entries(files).flatMap(([field, f]) => [
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="${f.name}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
    ),
    f.content,
    Buffer.from('\r\n'),
  ]);
  return {
    payload: Buffer.concat([...parts, Buffer.from(`--${boundary}--\r\n`)]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

export interface ImportJob {
  id: number;
  status: 'running' | 'succeeded' | 'failed';
  result: ImportReport;
  error: { code: string; messageZh: string; fields?: { field: string; messageZh: string }[] } | null;
}

export interface TransferEnv extends TestEnv {
  /** Uploads, waits for the job, and returns it. */
  importFiles(
    user: string,
    files: Record<string, { name: string; content: Buffer }>,
    query?: string,
  ): Promise<ImportJob>;
}

export function useTransferTestApp(): TransferEnv {
  const env = useTestApp({
    extend: (app) => {
      // The import route sits in an encapsulated plugin (not visible yet); the export route tells whether app.ts wired them.
      if (!app.hasRoute({ method: 'GET', url: '/api/registry/export.xlsx' })) registryTransferRoutes(app, env.services);
    },
  }) as TransferEnv;
  env.importFiles = async (user, files, query = '') => {
    const cookie = await env.login(user);
    const res = await env.app.inject({
      method: 'POST',
      url: `/api/registry/import${query}`,
      ...withCookie(multipart(files), cookie),
    });
    expect(res.statusCode, res.body).toBe(200);
    for (let i = 0; i < 400; i++) {
      const job = await env.app.inject({ url: `/api/jobs/${res.json().jobId}`, headers: { cookie } });
      expect(job.statusCode, job.body).toBe(200);
      const status = job.json().status;
      if (status === 'failed') throw new Error(`import job failed: ${JSON.stringify(job.json().error)}`);
      if (status !== 'running') return job.json();
      await new Promise((r) => setTimeout(r, 25));
    }
    throw new Error('import job did not finish');
  };
  return env;
}

function withCookie(upload: ReturnType<typeof multipart>, cookie: string) {
  return { payload: upload.payload, headers: { ...upload.headers, cookie } };
}

/** Everything an import may write, to prove that a refused or dry run wrote nothing. */
export async function registryCounts(db: Db): Promise<Record<string, number>> {
  const [row] = await queryRows<Record<string, number>>(
    db,
    sql`SELECT
    (SELECT count(*)::int FROM household) AS households, (SELECT count(*)::int FROM person) AS persons,
    (SELECT count(*)::int FROM membership) AS memberships, (SELECT count(*)::int FROM household_income) AS incomes,
    (SELECT count(*)::int FROM registry_change) AS changes, (SELECT count(*)::int FROM audit_log WHERE action = 'import') AS audits`,
  );
  return row;
}
