import type { Writable } from 'node:stream';
import type { z } from 'zod';
import {
  LOAN_IMPORT_HEADERS,
  type loanExportQuery,
  type loanListQuery,
  type LoanInput,
  type LoanRow,
  type renewalInput,
  type repaymentInput,
  type subsidyInput,
} from '../../../common/contracts/microloans.ts';
import { LOAN_PURPOSES, LOAN_STATUSES, RENEWAL_KINDS } from '../../../common/domain/microloans/codes.ts';
import {
  accruedInterestFen,
  daysBetween,
  dueDate,
  isOverdue,
  loanErrors,
  outstandingFen,
  repaymentErrors,
  type LoanLimits,
  type RuleError,
} from '../../../common/domain/microloans/rules.ts';
import { codeOfZh, zhOf } from '../../../common/domain/posts/codes.ts';
import type { Db } from '../../db/connect.ts';
import { AppError } from '../../lib/app-error.ts';
import { todayInChina } from '../../lib/clock.ts';
import type { RequestContext } from '../../lib/context.ts';
import type { PersonalDataBox } from '../../lib/crypto.ts';
import { pageWindow } from '../../lib/paging.ts';
import { requirePermission } from '../../lib/permissions.ts';
import { ledgerMeta, writeLedger, type Cell } from '../../lib/xlsx-ledger.ts';
import { readSheetRows } from '../../lib/xlsx-rows.ts';
import { recordAudit } from '../audit/index.ts';
import { resolveAll } from '../params/index.ts';
import * as repo from './microloans.repository.ts';
import { orgFilterPrefix } from '../../../common/domain/org-code.ts';

// 脱贫人口小额信贷 (沁发〔2021〕17号 §三(六): 5万元以下贷款给予财政贴息; policy-rules §4.3, 2021 four-agency notice).
// A loan to a 脱贫 or monitored household passes the pure rules (common/domain/microloans/rules.ts) with the
// parameters in force on its issue date (`microloan.maxAmountFen`, `microloan.maxTermMonths`; per household: the
// principal still owed on its other loans counts). Repayments and subsidies paid are events (history kept); the
// subsidy of a period is computed on the server (interest on the principal owed each day × `microloan.interestSubsidyShare`,
// days ÷ `microloan.dayCountBasis`), never typed in. A renewal (展期/续贷) closes the loan as `renewed` and opens a
// new row pointing at it. Every write is audited in its transaction.

type LoanListQuery = z.infer<typeof loanListQuery>;
type LoanExportQuery = z.infer<typeof loanExportQuery>;
type LoanRecord = NonNullable<Awaited<ReturnType<typeof repo.findLoan>>>;

const LOAN = { zh: '贷款', en: 'Loan' };

interface Params extends LoanLimits {
  share: number;
  dayCountBasis: number;
}

function toRow(r: Awaited<ReturnType<typeof repo.listLoans>>[number], today: string): LoanRow {
  const x = r.loan;
  const overdue = isOverdue(x, today);
  return {
    id: x.id,
    orgCode: x.orgCode,
    villageName: r.villageName,
    townshipName: r.townshipName,
    householdId: x.householdId,
    householdNo: r.householdNo,
    borrowerName: r.borrowerName,
    bank: x.bank,
    purpose: x.purpose as LoanRow['purpose'],
    amountFen: x.amountFen,
    termMonths: x.termMonths,
    rateBp: x.rateBp,
    issuedOn: x.issuedOn,
    dueOn: x.dueOn,
    status: x.status,
    overdue,
    overdueDays: overdue ? daysBetween(x.dueOn, today) : 0,
    repaidFen: r.repaidFen,
    outstandingFen: x.status === 'active' ? Math.max(0, x.amountFen - r.repaidFen) : 0,
    subsidyPaidFen: r.subsidyPaidFen,
    renewalKind: x.renewalKind,
    renewedFromId: x.renewedFromId,
  };
}

const filterOf = (q: LoanExportQuery, today: string): repo.LoanFilter => ({
  orgPrefix: orgFilterPrefix(q.orgCode),
  status: q.status,
  purpose: q.purpose,
  bank: q.bank,
  q: q.q,
  today,
});

const fieldError = (field: string, messageZh: string, messageEn: string) =>
  AppError.validation([{ field, messageZh, messageEn }]);

export function createMicroloansService(db: Db, box: PersonalDataBox) {
  /** The parameters in force on `date` (read through `tx` inside a transaction); undefined before the policy. */
  async function paramsFor(tx: Db, countyCode: string, date: string): Promise<Params | undefined> {
    const p = await resolveAll(tx, countyCode, date.slice(0, 7));
    const n = (k: string) => (typeof p[k]?.value === 'number' ? (p[k].value as number) : undefined);
    const [maxAmountFen, maxTermMonths, share, dayCountBasis] = [
      n('microloan.maxAmountFen'),
      n('microloan.maxTermMonths'),
      n('microloan.interestSubsidyShare'),
      n('microloan.dayCountBasis'),
    ];
    if (maxAmountFen === undefined || maxTermMonths === undefined || share === undefined || !dayCountBasis)
      return undefined;
    return { maxAmountFen, maxTermMonths, share, dayCountBasis };
  }

  async function requireParams(tx: Db, countyCode: string, date: string, field: string): Promise<Params> {
    const p = await paramsFor(tx, countyCode, date);
    if (!p)
      throw fieldError(
        field,
        '该日期无脱贫人口小额信贷政策参数（政策自2021年3月起）',
        'No small-loan policy parameters on that date (the policy starts in March 2021)',
      );
    return p;
  }

  async function list(ctx: RequestContext, q: LoanListQuery) {
    requirePermission(ctx, 'programmes:read');
    const today = todayInChina();
    const where = repo.loanWhere(ctx.actor.scopePrefix, filterOf(q, today));
    const w = pageWindow({ ...q, page: q.page ?? 1 });
    const [rows, total] = await Promise.all([repo.listLoans(db, where, q, w), repo.countLoans(db, where)]);
    return { items: rows.map((r) => toRow(r, today)), total, page: w.page ?? 1, pageSize: w.pageSize };
  }

  async function detailsOf(rows: Awaited<ReturnType<typeof repo.listLoans>>, today: string) {
    const events = await repo.eventsOf(
      db,
      rows.map((r) => r.loan.id),
    );
    return rows.map((r) => {
      const own = events.filter((e) => e.loanId === r.loan.id);
      const lastSubsidy = own.filter((e) => e.kind === 'subsidy').at(-1);
      return {
        ...toRow(r, today),
        subsidyFrom: lastSubsidy?.on ?? r.loan.issuedOn,
        events: own.map((e) => ({
          id: e.id,
          kind: e.kind,
          on: e.on,
          amountFen: e.amountFen,
          note: e.note,
          createdAt: e.createdAt.toISOString(),
        })),
      };
    });
  }

  async function get(ctx: RequestContext, id: number) {
    requirePermission(ctx, 'programmes:read');
    const today = todayInChina();
    const rows = await repo.listLoans(
      db,
      repo.loanWhere(ctx.actor.scopePrefix, { id, today }),
      {},
      {
        pageSize: 1,
        offset: 0,
      },
    );
    if (!rows[0]) throw AppError.notFound(LOAN);
    return (await detailsOf(rows, today))[0];
  }

  /** A new loan: the household in scope and eligible, the borrower a member, amount and term within the limits. */
  async function createInTx(tx: Db, ctx: RequestContext, input: LoanInput, extra: { renewedFrom?: LoanRecord } = {}) {
    const hh = await repo.householdFacts(tx, ctx.actor.scopePrefix, input.householdId, true);
    if (!hh) throw fieldError('householdId', '本辖区无此在册农户', 'No such registered household in your scope');
    if (input.borrowerPersonId) {
      const members = await repo.householdMembers(tx, hh.householdId);
      if (!members.some((m) => Number(m.person_id) === input.borrowerPersonId))
        throw fieldError(
          'borrowerPersonId',
          '借款人须为该户在册成员',
          'The borrower must be a member of the household',
        );
    }
    if (input.issuedOn > todayInChina())
      throw fieldError('issuedOn', '放款日期不能晚于今天', 'The issue date is in the future');
    const params = await requireParams(tx, hh.countyCode, input.issuedOn, 'issuedOn');
    const errors: RuleError[] = loanErrors(
      {
        householdKind: hh.householdKind,
        monitoringStatus: hh.monitoringStatus,
        amountFen: input.amountFen,
        termMonths: input.termMonths,
        rateBp: input.rateBp,
        otherActiveFen: await repo.activeOwedOfHousehold(tx, hh.householdId, extra.renewedFrom?.id),
      },
      params,
    );
    if (errors.length) throw AppError.validation(errors);
    const id = await repo.insertLoan(tx, {
      countyCode: hh.countyCode,
      orgCode: hh.villageCode,
      householdId: hh.householdId,
      borrowerPersonId: input.borrowerPersonId ?? null,
      bank: input.bank,
      purpose: input.purpose,
      amountFen: input.amountFen,
      termMonths: input.termMonths,
      rateBp: input.rateBp,
      issuedOn: input.issuedOn,
      dueOn: dueDate(input.issuedOn, input.termMonths),
      renewalKind: extra.renewedFrom ? 'reloan' : null,
      renewedFromId: extra.renewedFrom?.id ?? null,
      createdBy: ctx.actor.id || null,
    });
    await recordAudit(tx, ctx, {
      action: 'create',
      entity: 'micro_loan',
      entityId: id,
      orgCode: hh.villageCode,
      after: input,
    });
    return id;
  }

  async function create(ctx: RequestContext, input: LoanInput) {
    requirePermission(ctx, 'programmes:write');
    const id = await db.transaction((tx) => createInTx(tx, ctx, input));
    return get(ctx, id);
  }

  async function lockedLoan(tx: Db, ctx: RequestContext, id: number) {
    const loan = await repo.findLoan(tx, ctx.actor.scopePrefix, id, true);
    if (!loan) throw AppError.notFound(LOAN);
    const events = await repo.eventsOf(tx, [id]);
    const repayments = events.filter((e) => e.kind === 'repayment');
    return { loan, events, repayments, owed: outstandingFen(loan.amountFen, repayments) };
  }

  /** A repayment of principal; the loan is repaid (结清) when nothing is owed. */
  async function repay(ctx: RequestContext, id: number, input: z.infer<typeof repaymentInput>) {
    requirePermission(ctx, 'programmes:write');
    await db.transaction(async (tx) => {
      const { loan, owed } = await lockedLoan(tx, ctx, id);
      const errors = repaymentErrors(input, loan, owed, todayInChina());
      if (errors.length) throw AppError.validation(errors);
      await repo.insertEvent(tx, {
        countyCode: loan.countyCode,
        orgCode: loan.orgCode,
        loanId: id,
        kind: 'repayment',
        on: input.on,
        amountFen: input.amountFen,
        note: input.note ?? null,
        createdBy: ctx.actor.id || null,
      });
      const settled = input.amountFen === owed;
      if (settled && !(await repo.setLoanStatus(tx, id, loan.version, 'repaid')))
        throw new AppError('CONFLICT', { zh: '贷款已被他人修改，请刷新', en: 'The loan changed meanwhile; reload' });
      await recordAudit(tx, ctx, {
        action: 'repay',
        entity: 'micro_loan',
        entityId: id,
        orgCode: loan.orgCode,
        before: { owedFen: owed, status: loan.status },
        after: { ...input, owedFen: owed - input.amountFen, status: settled ? 'repaid' : loan.status },
      });
    });
    return get(ctx, id);
  }

  /**
   * The subsidy due from the last subsidy (or the issue date) up to `to` (exclusive): interest on the principal
   * owed each day × the subsidy share. Not beyond the due date (no subsidy on overdue days) nor today.
   */
  async function quoteIn(
    tx: Db,
    loan: LoanRecord,
    events: { kind: string; on: string; amountFen: number }[],
    to: string,
  ) {
    const lastSubsidy = events.filter((e) => e.kind === 'subsidy').at(-1);
    const from = lastSubsidy?.on ?? loan.issuedOn;
    const errors: RuleError[] = [];
    if (to <= from)
      errors.push({ field: 'to', messageZh: `贴息已计至 ${from}`, messageEn: `The subsidy is paid up to ${from}` });
    else if (to > loan.dueOn)
      errors.push({
        field: 'to',
        messageZh: `贴息计至到期日 ${loan.dueOn} 为止，逾期期间不贴息`,
        messageEn: `The subsidy runs to the due date ${loan.dueOn}; overdue days are not subsidised`,
      });
    else if (to > todayInChina())
      errors.push({ field: 'to', messageZh: '贴息截止日不能晚于今天', messageEn: 'The end date is in the future' });
    if (errors.length) throw AppError.validation(errors);
    const params = await requireParams(tx, loan.countyCode, loan.issuedOn, 'to');
    const repayments = events.filter((e) => e.kind === 'repayment');
    const interest = accruedInterestFen(loan, repayments, from, to, params.dayCountBasis);
    return {
      from,
      to,
      days: daysBetween(from, to),
      interestFen: interest,
      subsidyFen: Math.round(interest * params.share),
      share: params.share,
      dayCountBasis: params.dayCountBasis,
    };
  }

  async function quoteSubsidy(ctx: RequestContext, id: number, to: string) {
    requirePermission(ctx, 'programmes:read');
    const loan = await repo.findLoan(db, ctx.actor.scopePrefix, id);
    if (!loan) throw AppError.notFound(LOAN);
    return quoteIn(db, loan, await repo.eventsOf(db, [id]), to);
  }

  /** 贴息 paid: the computed amount of the period is recorded (the event's date is the period's end). */
  async function paySubsidy(ctx: RequestContext, id: number, input: z.infer<typeof subsidyInput>) {
    requirePermission(ctx, 'programmes:write');
    await db.transaction(async (tx) => {
      const { loan, events } = await lockedLoan(tx, ctx, id);
      const quote = await quoteIn(tx, loan, events, input.to);
      if (quote.subsidyFen <= 0) throw fieldError('to', '该期间无应贴利息', 'No interest to subsidise in that period');
      await repo.insertEvent(tx, {
        countyCode: loan.countyCode,
        orgCode: loan.orgCode,
        loanId: id,
        kind: 'subsidy',
        on: input.to,
        amountFen: quote.subsidyFen,
        note: input.note ?? `${quote.from} 至 ${quote.to}，${quote.days} 天`,
        createdBy: ctx.actor.id || null,
      });
      await recordAudit(tx, ctx, {
        action: 'subsidy',
        entity: 'micro_loan',
        entityId: id,
        orgCode: loan.orgCode,
        after: quote,
      });
    });
    return get(ctx, id);
  }

  /**
   * 展期: the principal owed continues on a new term from the old due date (same bank and purpose, rate kept unless
   * given). 续贷: a new loan to the household (amount, issue date) that closes this one. Both: within the limits;
   * 续贷 checks the household is still eligible. The old loan becomes `renewed`.
   */
  async function renew(ctx: RequestContext, id: number, input: z.infer<typeof renewalInput>) {
    requirePermission(ctx, 'programmes:write');
    const newId = await db.transaction(async (tx) => {
      const { loan, owed } = await lockedLoan(tx, ctx, id);
      if (loan.status !== 'active')
        throw new AppError('CONFLICT', { zh: '贷款已结清或已续贷', en: 'The loan is closed or renewed' });
      let created: number;
      if (input.kind === 'extension') {
        const hh = await repo.householdFacts(tx, ctx.actor.scopePrefix, loan.householdId, true);
        if (!hh) throw AppError.notFound({ zh: '农户', en: 'Household' });
        const params = await requireParams(tx, loan.countyCode, loan.dueOn, 'termMonths');
        const errors = loanErrors(
          {
            householdKind: 'alleviated', // 展期 keeps the loan already granted: the borrower is not re-examined
            monitoringStatus: hh.monitoringStatus,
            amountFen: owed,
            termMonths: input.termMonths,
            rateBp: input.rateBp ?? loan.rateBp,
            otherActiveFen: await repo.activeOwedOfHousehold(tx, loan.householdId, id),
          },
          params,
        );
        if (errors.length) throw AppError.validation(errors);
        created = await repo.insertLoan(tx, {
          countyCode: loan.countyCode,
          orgCode: loan.orgCode,
          householdId: loan.householdId,
          borrowerPersonId: loan.borrowerPersonId,
          bank: input.bank ?? loan.bank,
          purpose: input.purpose ?? loan.purpose,
          amountFen: owed,
          termMonths: input.termMonths,
          rateBp: input.rateBp ?? loan.rateBp,
          issuedOn: loan.dueOn,
          dueOn: dueDate(loan.dueOn, input.termMonths),
          renewalKind: 'extension',
          renewedFromId: id,
          createdBy: ctx.actor.id || null,
        });
      } else {
        const fields: RuleError[] = [];
        if (input.amountFen === undefined)
          fields.push({ field: 'amountFen', messageZh: '续贷须填写贷款金额', messageEn: 'A re-loan needs its amount' });
        if (input.issuedOn === undefined)
          fields.push({
            field: 'issuedOn',
            messageZh: '续贷须填写放款日期',
            messageEn: 'A re-loan needs its issue date',
          });
        else if (input.issuedOn < loan.issuedOn)
          fields.push({
            field: 'issuedOn',
            messageZh: '续贷放款日期不能早于原贷款',
            messageEn: 'The re-loan cannot start before the loan it continues',
          });
        if (fields.length) throw AppError.validation(fields);
        created = await createInTx(
          tx,
          ctx,
          {
            householdId: loan.householdId,
            borrowerPersonId: loan.borrowerPersonId,
            bank: input.bank ?? loan.bank,
            purpose: (input.purpose ?? loan.purpose) as LoanInput['purpose'],
            amountFen: input.amountFen!,
            termMonths: input.termMonths,
            rateBp: input.rateBp ?? loan.rateBp,
            issuedOn: input.issuedOn!,
          },
          { renewedFrom: loan },
        );
      }
      if (!(await repo.setLoanStatus(tx, id, loan.version, 'renewed')))
        throw new AppError('CONFLICT', { zh: '贷款已被他人修改，请刷新', en: 'The loan changed meanwhile; reload' });
      await recordAudit(tx, ctx, {
        action: 'renew',
        entity: 'micro_loan',
        entityId: id,
        orgCode: loan.orgCode,
        before: { status: 'active', owedFen: owed, dueOn: loan.dueOn },
        after: { status: 'renewed', kind: input.kind, newLoanId: created, termMonths: input.termMonths },
      });
      return created;
    });
    return get(ctx, newId);
  }

  /** The household page's section: its loans (current and past) with their events, and its members. */
  async function household(ctx: RequestContext, householdId: number) {
    requirePermission(ctx, 'programmes:read');
    const hh = await repo.householdFacts(db, ctx.actor.scopePrefix, householdId);
    if (!hh) throw AppError.notFound({ zh: '农户', en: 'Household' });
    const today = todayInChina();
    const rows = await repo.listLoans(
      db,
      repo.loanWhere(ctx.actor.scopePrefix, { householdId, today }),
      { sort: 'issuedOn', order: 'desc' },
      { pageSize: 200, offset: 0 },
    );
    const members = await repo.householdMembers(db, householdId);
    return {
      loans: await detailsOf(rows, today),
      eligible: hh.householdKind === 'alleviated' || hh.monitoringStatus === 'monitored',
      members: members.map((m) => ({ personId: Number(m.person_id), name: m.name })),
    };
  }

  /** 小额信贷台账 (.xlsx): the list's rows under the same filters, audited. */
  async function exportLoans(ctx: RequestContext, q: LoanExportQuery) {
    requirePermission(ctx, 'programmes:read');
    const today = todayInChina();
    const where = repo.loanWhere(ctx.actor.scopePrefix, filterOf(q, today));
    const total = await repo.countLoans(db, where);
    await db.transaction((tx) =>
      recordAudit(tx, ctx, {
        action: 'export',
        entity: 'micro_loan',
        orgCode: ctx.actor.orgCode,
        after: { ledger: '脱贫人口小额信贷台账', rows: total, filters: q },
      }),
    );
    async function* rows(): AsyncGenerator<Cell[]> {
      const pageSize = 500;
      for (let offset = 0; ; offset += pageSize) {
        const batch = await repo.listLoans(db, where, { sort: 'orgCode' }, { pageSize, offset });
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
    return (out: Writable) =>
      writeLedger(
        out,
        [
          {
            title: '脱贫人口小额信贷台账',
            headers: [
              '乡镇',
              '村',
              { header: '户编号', kind: 'code' },
              '借款人',
              '贷款银行',
              '贷款用途',
              { header: '贷款金额(元)', kind: 'yuan' },
              { header: '期限(月)', kind: 'integer' },
              { header: '年利率', kind: 'percent' },
              { header: '放款日期', kind: 'date' },
              { header: '到期日期', kind: 'date' },
              '状态',
              { header: '已还本金(元)', kind: 'yuan' },
              { header: '未还本金(元)', kind: 'yuan' },
              { header: '已贴息(元)', kind: 'yuan' },
              { header: '逾期天数', kind: 'integer' },
              '续贷方式',
            ],
            rows: rows(),
          },
        ],
        ledgerMeta(ctx),
      );
  }

  /**
   * Import a bank's 放款明细 (LOAN_IMPORT_HEADERS, header row within the first five rows): one loan per row, the
   * borrower found by ID number (name must agree), each row passing the same checks as a loan on screen. Dry run:
   * every row checked, nothing kept. A real import keeps the rows without errors.
   */
  async function importLoans(ctx: RequestContext, buffer: Buffer, dryRun: boolean) {
    requirePermission(ctx, 'programmes:write');
    const sheet = await readSheetRows(buffer, LOAN_IMPORT_HEADERS);
    const errors: { row: number; field: string; message: string }[] = [];
    let created = 0;
    let rows = 0;
    for (const r of sheet) {
      rows += 1;
      const { cell } = r;
      const fail = (field: string, message: string) => errors.push({ row: r.row, field, message });
      const yuan = Number(cell('贷款金额(元)').replace(/,/g, ''));
      const term = Number(cell('贷款期限(月)'));
      const ratePct = Number(cell('年利率(%)').replace('%', ''));
      const issuedOn = cell('放款日期').replace(/[/.]/g, '-');
      const purpose = codeOfZh(LOAN_PURPOSES, cell('贷款用途'));
      if (!cell('贷款银行')) fail('贷款银行', '请填写贷款银行');
      if (!Number.isFinite(yuan) || yuan <= 0) fail('贷款金额(元)', '贷款金额须为正数');
      if (!Number.isInteger(term)) fail('贷款期限(月)', '贷款期限须为整月数');
      if (!Number.isFinite(ratePct) || ratePct < 0 || cell('年利率(%)') === '')
        fail('年利率(%)', '年利率须为非负数，如 3.85');
      if (!/^\d{4}-\d{2}-\d{2}$/.test(issuedOn)) fail('放款日期', '放款日期格式 YYYY-MM-DD');
      if (!purpose)
        fail('贷款用途', `贷款用途应为 ${LOAN_PURPOSES.map((p) => p.zh).join('、')} 之一（不得用于非生产性支出）`);
      if (errors.some((e) => e.row === r.row)) continue;
      const borrower = await repo.householdOfIdHash(
        db,
        ctx.actor.scopePrefix,
        box.hash(cell('身份证号').toUpperCase()),
      );
      if (!borrower) {
        fail('身份证号', '本辖区无此在册人员');
        continue;
      }
      if (cell('借款人姓名') && borrower.name !== cell('借款人姓名')) {
        fail('借款人姓名', '姓名与身份证号登记的不一致');
        continue;
      }
      try {
        await db.transaction(async (tx) => {
          await createInTx(tx, ctx, {
            householdId: borrower.householdId,
            borrowerPersonId: borrower.personId,
            bank: cell('贷款银行'),
            purpose: purpose!,
            amountFen: Math.round(yuan * 100),
            termMonths: term,
            rateBp: Math.round(ratePct * 100),
            issuedOn,
          });
          if (dryRun) throw new DryRun();
        });
        created += 1;
      } catch (err) {
        if (err instanceof DryRun) {
          created += 1;
          continue;
        }
        if (err instanceof AppError) {
          const fields = err.fields ?? [];
          if (fields.length) for (const f of fields) fail(IMPORT_COLUMN[f.field] ?? f.field, f.messageZh);
          else fail('', err.messageZh);
          continue;
        }
        throw err;
      }
    }
    return { dryRun, rows, created, errors };
  }

  /** The bank-sheet layout to fill in: the header row and one example row. */
  function importTemplate() {
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

  return {
    list,
    get,
    create,
    repay,
    quoteSubsidy,
    paySubsidy,
    renew,
    household,
    exportLoans,
    importLoans,
    importTemplate,
  };
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

class DryRun extends Error {}

export type MicroloansService = ReturnType<typeof createMicroloansService>;
