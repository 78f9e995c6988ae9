import type { Writable } from 'node:stream';
import { LOAN_IMPORT_HEADERS } from '#common/contracts/microloans.ts';
import { LOAN_PURPOSES, LOAN_STATUSES, RENEWAL_KINDS } from '#common/domain/microloans/codes.ts';
import { codeOfZh, zhOf } from '#common/domain/posts/codes.ts';
import type { RequestContext } from '#server/lib/context.ts';
import { requirePermission } from '#server/lib/permissions.ts';
import { ledgerMeta, writeLedger, type Cell } from '#server/lib/xlsx-ledger.ts';
import { importEachRow, writeRowInTx, type RowFail } from '#server/lib/sheet-import.ts';
import { readSheetRows } from '#server/lib/xlsx-rows.ts';
import { recordAudit } from '../audit/index.ts';
import { createInTx } from './microloans.loans.ts';
import * as repo from './microloans.repository.ts';
import { filterOf, todayOf, toRow, type LoanExportQuery, type MicroloansDeps } from './microloans.shared.ts';

// 脱贫人口小额信贷台账: the export of the list's rows, the import of a bank's 放款明细, and its template.

const LEDGER_HEADERS = [
  '乡镇',
  '村',
  { header: '户编号', kind: 'code' as const },
  '借款人',
  '贷款银行',
  '贷款用途',
  { header: '贷款金额(元)', kind: 'yuan' as const },
  { header: '期限(月)', kind: 'integer' as const },
  { header: '年利率', kind: 'percent' as const },
  { header: '放款日期', kind: 'date' as const },
  { header: '到期日期', kind: 'date' as const },
  '状态',
  { header: '已还本金(元)', kind: 'yuan' as const },
  { header: '未还本金(元)', kind: 'yuan' as const },
  { header: '已贴息(元)', kind: 'yuan' as const },
  { header: '逾期天数', kind: 'integer' as const },
  '续贷方式',
];

/** The ledger's rows, 500 loans a query, in the list's village order. */
async function* ledgerRows(
  d: MicroloansDeps,
  where: ReturnType<typeof repo.loanWhere>,
  today: string,
): AsyncGenerator<Cell[]> {
  const pageSize = 500;
  for (let offset = 0; ; offset += pageSize) {
    const batch = await repo.listLoans(d.db, where, { sort: 'orgCode' }, { pageSize, offset });
    for (const r of batch.map((b) => toRow(b, today)))
      yield [
        r.townshipName,
        r.villageName,
        r.householdNo,
        r.borrowerName,
        r.bank,
        zhOf(LOAN_PURPOSES, r.purpose),
        r.amountFen / 100,
        r.termMonths,
        r.rateBp / 10_000,
        r.issuedOn,
        r.dueOn,
        r.overdue ? '逾期' : zhOf(LOAN_STATUSES, r.status),
        r.repaidFen / 100,
        r.outstandingFen / 100,
        r.subsidyPaidFen / 100,
        r.overdueDays || null,
        r.renewalKind ? zhOf(RENEWAL_KINDS, r.renewalKind) : null,
      ];
    if (batch.length < pageSize) return;
  }
}

/** 小额信贷台账 (.xlsx): the list's rows under the same filters, audited. */
export async function exportLoans(d: MicroloansDeps, ctx: RequestContext, q: LoanExportQuery) {
  requirePermission(ctx, 'programmes:read');
  const today = todayOf(d);
  const where = repo.loanWhere(ctx.actor.scopePrefix, filterOf(q, today));
  const total = await repo.countLoans(d.db, where);
  await d.db.transaction((tx) =>
    recordAudit(tx, ctx, {
      action: 'export',
      entity: 'micro_loan',
      orgCode: ctx.actor.orgCode,
      after: { ledger: '脱贫人口小额信贷台账', rows: total, filters: q },
    }),
  );
  return (out: Writable) =>
    writeLedger(
      out,
      [{ title: '脱贫人口小额信贷台账', headers: LEDGER_HEADERS, rows: ledgerRows(d, where, today) }],
      ledgerMeta(ctx),
    );
}

/** API field → the bank sheet's column, for per-row errors. */
const IMPORT_COLUMN: Record<string, string> = {
  householdId: '身份证号',
  borrowerPersonId: '身份证号',
  amountFen: '贷款金额(元)',
  termMonths: '贷款期限(月)',
  rateBp: '年利率(%)',
  issuedOn: '放款日期',
};

type SheetRow = { row: number; cell: (h: (typeof LOAN_IMPORT_HEADERS)[number]) => string };
type Fail = RowFail;

/** A bank row's cells read and checked; every problem reported through `fail`. */
function readImportRow({ cell }: SheetRow, fail: Fail) {
  const row = {
    bank: cell('贷款银行'),
    yuan: Number(cell('贷款金额(元)').replace(/,/g, '')),
    term: Number(cell('贷款期限(月)')),
    ratePct: Number(cell('年利率(%)').replace('%', '')),
    issuedOn: cell('放款日期').replace(/[/.]/g, '-'),
    purpose: codeOfZh(LOAN_PURPOSES, cell('贷款用途')),
    idNumber: cell('身份证号').toUpperCase(),
    name: cell('借款人姓名'),
  };
  if (!row.bank) fail('贷款银行', '请填写贷款银行');
  if (!Number.isFinite(row.yuan) || row.yuan <= 0) fail('贷款金额(元)', '贷款金额须为正数');
  if (!Number.isInteger(row.term)) fail('贷款期限(月)', '贷款期限须为整月数');
  if (!Number.isFinite(row.ratePct) || row.ratePct < 0 || cell('年利率(%)') === '')
    fail('年利率(%)', '年利率须为非负数，如 3.85');
  if (!/^\d{4}-\d{2}-\d{2}$/.test(row.issuedOn)) fail('放款日期', '放款日期格式 YYYY-MM-DD');
  if (!row.purpose)
    fail('贷款用途', `贷款用途应为 ${LOAN_PURPOSES.map((p) => p.zh).join('、')} 之一（不得用于非生产性支出）`);
  return row;
}

type ImportRow = ReturnType<typeof readImportRow>;
type Borrower = NonNullable<Awaited<ReturnType<typeof repo.householdOfIdHash>>>;

/** One row's loan in a transaction of its own (rolled back on a dry run); true when the row passed. */
function importRow(
  d: MicroloansDeps,
  ctx: RequestContext,
  p: { row: ImportRow; borrower: Borrower; dryRun: boolean; fail: Fail },
) {
  const { row, borrower } = p;
  return writeRowInTx(d.db, { ...p, columnOf: (field) => IMPORT_COLUMN[field] }, (tx) =>
    createInTx(d, tx, ctx, {
      householdId: borrower.householdId,
      borrowerPersonId: borrower.personId,
      bank: row.bank,
      purpose: row.purpose!,
      amountFen: Math.round(row.yuan * 100),
      termMonths: row.term,
      rateBp: Math.round(row.ratePct * 100),
      issuedOn: row.issuedOn,
    }),
  );
}

/** The registered person of that ID number in the actor's scope, whose name agrees with the sheet's. */
async function borrowerOf(d: MicroloansDeps, ctx: RequestContext, row: ImportRow, fail: Fail) {
  const borrower = await repo.householdOfIdHash(d.db, ctx.actor.scopePrefix, d.box.hash(row.idNumber));
  if (!borrower) {
    fail('身份证号', '本辖区无此在册人员');
    return undefined;
  }
  if (row.name && borrower.name !== row.name) {
    fail('借款人姓名', '姓名与身份证号登记的不一致');
    return undefined;
  }
  return borrower;
}

/**
 * Import a bank's 放款明细 (LOAN_IMPORT_HEADERS, header row within the first five rows): one loan per row, the
 * borrower found by ID number (name must agree), each row passing the same checks as a loan on screen. Dry run:
 * every row checked, nothing kept. A real import keeps the rows without errors.
 */
export async function importLoans(d: MicroloansDeps, ctx: RequestContext, buffer: Buffer, dryRun: boolean) {
  requirePermission(ctx, 'programmes:write');
  const sheet = await readSheetRows(buffer, LOAN_IMPORT_HEADERS);
  return importEachRow(sheet, dryRun, async (r, { fail, failed }) => {
    const row = readImportRow(r, fail);
    if (failed()) return false;
    const borrower = await borrowerOf(d, ctx, row, fail);
    if (!borrower) return false;
    return importRow(d, ctx, { row, borrower, dryRun, fail });
  });
}

/** The bank-sheet layout to fill in: the header row and one example row. */
export function importTemplate(_d: MicroloansDeps) {
  return (out: Writable) =>
    writeLedger(
      out,
      [
        {
          title: '脱贫人口小额信贷放款明细',
          headers: [...LOAN_IMPORT_HEADERS],
          rows: (async function* () {
            yield [
              '张三',
              '11010519491231002X',
              '沁水县农村商业银行',
              '50000.00',
              '36',
              '3.45',
              '2026-03-01',
              '养殖业',
            ];
          })(),
        },
      ],
      null,
    );
}
