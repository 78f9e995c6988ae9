import type { Writable } from 'node:stream';
import { POST_IMPORT_HEADERS } from '#common/contracts/posts.ts';
import { countyCodeOf } from '#common/domain/org-code.ts';
import { EXIT_REASONS, FUNDING_SOURCES, POST_TYPES, codeOfZh, zhOf } from '#common/domain/posts/codes.ts';
import type { Db } from '#server/db/connect.ts';
import type { RequestContext } from '#server/lib/context.ts';
import { requireInScope, requirePermission } from '#server/lib/permissions.ts';
import { ledgerMeta, writeLedger, type Cell } from '#server/lib/xlsx-ledger.ts';
import { importEachRow, writeRowInTx, type RowFail } from '#server/lib/sheet-import.ts';
import { readSheetRows } from '#server/lib/xlsx-rows.ts';
import { recordAudit } from '../audit/index.ts';
import { hireInTx } from './posts.hires.ts';
import * as repo from './posts.repository.ts';
import { hireFilter, toHireRow, type HireExportQuery, type PostsDeps } from './posts.shared.ts';

// 公益岗位人员台账: the export of the hire list's rows, and the import of a township or 人社 sheet of hires.

const LEDGER_HEADERS = [
  '村',
  { header: '户编号', kind: 'code' },
  '姓名',
  '岗位名称',
  '岗位类型',
  { header: '聘用日期', kind: 'date' },
  { header: '月补贴(元)', kind: 'yuan' },
  { header: '登记月数', kind: 'integer' },
  { header: '已发补贴(元)', kind: 'yuan' },
  { header: '退岗日期', kind: 'date' },
  '退岗原因',
] as const;

/** The ledger's rows, 500 hires a query, in the list's village order. */
async function* ledgerRows(d: PostsDeps, where: ReturnType<typeof repo.hireWhere>): AsyncGenerator<Cell[]> {
  const pageSize = 500;
  for (let offset = 0; ; offset += pageSize) {
    const batch = await repo.listHires(d.db, where, { sort: 'orgCode' }, { pageSize, offset });
    for (const r of batch.map(toHireRow))
      yield [
        r.villageName,
        r.householdNo,
        r.personName,
        r.postName,
        zhOf(POST_TYPES, r.postType),
        r.hiredOn,
        r.monthlySubsidyFen / 100,
        r.months,
        r.paidFen / 100,
        r.exitedOn,
        r.exitReason ? zhOf(EXIT_REASONS, r.exitReason) : null,
      ];
    if (batch.length < pageSize) return;
  }
}

/** 公益岗位人员台账 (.xlsx): the hire list's rows under the same filters, audited. */
export async function exportHires(d: PostsDeps, ctx: RequestContext, q: HireExportQuery) {
  requirePermission(ctx, 'programmes:read');
  const where = repo.hireWhere(ctx.actor.scopePrefix, hireFilter(q));
  const total = await repo.countHires(d.db, where);
  await d.db.transaction((tx) =>
    recordAudit(tx, ctx, {
      action: 'export',
      entity: 'welfare_post_hire',
      orgCode: ctx.actor.orgCode,
      after: { ledger: '公益岗位人员台账', rows: total, filters: q },
    }),
  );
  return (out: Writable) =>
    writeLedger(
      out,
      [{ title: '公益岗位人员台账', headers: [...LEDGER_HEADERS], rows: ledgerRows(d, where) }],
      ledgerMeta(ctx),
    );
}

type SheetRow = { row: number; cell: (h: (typeof POST_IMPORT_HEADERS)[number]) => string };
type Fail = RowFail;

/** A sheet row's cells read and checked; every problem reported through `fail`. */
function readImportRow({ cell }: SheetRow, fail: Fail) {
  const row = {
    orgCode: cell('村代码'),
    name: cell('岗位名称'),
    postType: codeOfZh(POST_TYPES, cell('岗位类型')),
    funding: codeOfZh(FUNDING_SOURCES, cell('资金来源')),
    yuan: Number(cell('月补贴(元)')),
    idNumber: cell('身份证号').toUpperCase(),
    hiredOn: cell('聘用日期'),
    cadre: cell('是否村干部家属'),
  };
  if (!/^\d{12}$/.test(row.orgCode)) fail('村代码', '村代码须为12位数字');
  if (!row.name) fail('岗位名称', '请填写岗位名称');
  if (!row.postType) fail('岗位类型', `岗位类型应为 ${POST_TYPES.map((t) => t.zh).join('、')} 之一`);
  if (!row.funding) fail('资金来源', `资金来源应为 ${FUNDING_SOURCES.map((t) => t.zh).join('、')} 之一`);
  if (!Number.isFinite(row.yuan) || row.yuan < 0) fail('月补贴(元)', '月补贴须为非负金额');
  if (!/^\d{4}-\d{2}-\d{2}$/.test(row.hiredOn)) fail('聘用日期', '聘用日期格式 YYYY-MM-DD');
  if (!['是', '否', ''].includes(row.cadre)) fail('是否村干部家属', '填“是”或“否”');
  return row;
}

type ImportRow = ReturnType<typeof readImportRow>;

/** The open post of that name in the village, or a new one set up (audited as imported). */
async function postOfRow(tx: Db, ctx: RequestContext, row: ImportRow) {
  const { orgCode, name, postType, funding } = row;
  const found = await repo.listPosts(
    tx,
    repo.postWhere(ctx.actor.scopePrefix, { orgPrefix: orgCode, status: 'open' }),
    {},
    { page: 1, pageSize: 200, offset: 0 },
  );
  const postId = found.find((f) => f.post.orgCode === orgCode && f.post.name === name)?.post.id;
  if (postId) return postId;
  const newId = await repo.insertPost(tx, {
    countyCode: countyCodeOf(orgCode),
    orgCode,
    name,
    postType: postType!,
    funding: funding!,
    monthlySubsidyFen: Math.round(row.yuan * 100),
    createdBy: ctx.actor.id || null,
  });
  await recordAudit(tx, ctx, {
    action: 'import',
    entity: 'welfare_post',
    entityId: newId,
    orgCode,
    after: { name, postType, funding },
  });
  return newId;
}

/** One row's post and hire in a transaction of its own (rolled back on a dry run); true when the row passed. */
function importRow(
  d: PostsDeps,
  ctx: RequestContext,
  p: { row: ImportRow; personId: number; dryRun: boolean; fail: Fail },
) {
  const { row, personId } = p;
  return writeRowInTx(d.db, p, async (tx) => {
    requireInScope(ctx, row.orgCode);
    const postId = await postOfRow(tx, ctx, row);
    await hireInTx(d, tx, ctx, postId, { personId, hiredOn: row.hiredOn, cadreFamily: row.cadre === '是' });
  });
}

/**
 * Import in the layout a township or 人社 sheet comes in (POST_IMPORT_HEADERS, header row within the first five
 * rows): one hire per row; the post is found by village and name or set up; each row passes the same checks as a
 * hire on screen. Dry run: every row checked, nothing kept. A real import keeps the rows without errors.
 */
export async function importHires(d: PostsDeps, ctx: RequestContext, buffer: Buffer, dryRun: boolean) {
  requirePermission(ctx, 'programmes:write');
  const sheet = await readSheetRows(buffer, POST_IMPORT_HEADERS);
  return importEachRow(sheet, dryRun, async (r, { fail, failed }) => {
    const row = readImportRow(r, fail);
    if (failed()) return false;
    const county = countyCodeOf(row.orgCode);
    const person = await repo.personFactsByHash(d.db, ctx.actor.scopePrefix, county, d.box.hash(row.idNumber));
    if (!person) {
      fail('身份证号', '本辖区无此在册人员');
      return false;
    }
    return importRow(d, ctx, { row, personId: person.personId, dryRun, fail });
  });
}
