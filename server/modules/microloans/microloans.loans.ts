import type { z } from 'zod';
import type { loanListQuery, LoanInput } from '#common/contracts/microloans.ts';
import { dueDate, loanErrors, type RuleError } from '#common/domain/microloans/rules.ts';
import type { Db } from '#server/db/connect.ts';
import { AppError } from '#server/lib/app-error.ts';
import type { RequestContext } from '#server/lib/context.ts';
import { pageWindow } from '#server/lib/paging.ts';
import { requirePermission } from '#server/lib/permissions.ts';
import { recordAudit } from '../audit/index.ts';
import * as repo from './microloans.repository.ts';
import {
  fieldError,
  filterOf,
  LOAN,
  requireParams,
  todayOf,
  toRow,
  type LoanRecord,
  type MicroloansDeps,
} from './microloans.shared.ts';

// Loans: the list, one loan with its events, a new loan (the pure rules with the parameters of its issue date),
// and the household page's section.

export async function list(d: MicroloansDeps, ctx: RequestContext, q: z.infer<typeof loanListQuery>) {
  requirePermission(ctx, 'programmes:read');
  const today = todayOf(d);
  const where = repo.loanWhere(ctx.actor.scopePrefix, filterOf(q, today));
  const w = pageWindow({ ...q, page: q.page ?? 1 });
  const [rows, total] = await Promise.all([repo.listLoans(d.db, where, q, w), repo.countLoans(d.db, where)]);
  return { items: rows.map((r) => toRow(r, today)), total, page: w.page ?? 1, pageSize: w.pageSize };
}

async function detailsOf(d: MicroloansDeps, rows: Awaited<ReturnType<typeof repo.listLoans>>, today: string) {
  const events = await repo.eventsOf(
    d.db,
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

export async function get(d: MicroloansDeps, ctx: RequestContext, id: number) {
  requirePermission(ctx, 'programmes:read');
  const today = todayOf(d);
  const rows = await repo.listLoans(
    d.db,
    repo.loanWhere(ctx.actor.scopePrefix, { id, today }),
    {},
    {
      pageSize: 1,
      offset: 0,
    },
  );
  if (!rows[0]) throw AppError.notFound(LOAN);
  return (await detailsOf(d, rows, today))[0];
}

/** The household in scope (locked), the borrower one of its members, the issue date not in the future. */
async function borrowingHousehold(d: MicroloansDeps, tx: Db, ctx: RequestContext, input: LoanInput) {
  const hh = await repo.householdFacts(tx, ctx.actor.scopePrefix, input.householdId, true);
  if (!hh) throw fieldError('householdId', '本辖区无此在册农户', 'No such registered household in your scope');
  if (input.borrowerPersonId) {
    const members = await repo.householdMembers(tx, hh.householdId);
    if (!members.some((m) => Number(m.person_id) === input.borrowerPersonId))
      throw fieldError('borrowerPersonId', '借款人须为该户在册成员', 'The borrower must be a member of the household');
  }
  if (input.issuedOn > todayOf(d))
    throw fieldError('issuedOn', '放款日期不能晚于今天', 'The issue date is in the future');
  return hh;
}

type Household = Awaited<ReturnType<typeof borrowingHousehold>>;

/** The pure loan rules with the parameters in force on the issue date (a re-loan's old loan does not count). */
async function checkLoan(tx: Db, hh: Household, input: LoanInput, renewedFrom?: LoanRecord) {
  const params = await requireParams(tx, hh.countyCode, input.issuedOn, 'issuedOn');
  const errors: RuleError[] = loanErrors(
    {
      householdKind: hh.householdKind,
      monitoringStatus: hh.monitoringStatus,
      amountFen: input.amountFen,
      termMonths: input.termMonths,
      rateBp: input.rateBp,
      otherActiveFen: await repo.activeOwedOfHousehold(tx, hh.householdId, renewedFrom?.id),
    },
    params,
  );
  if (errors.length) throw AppError.validation(errors);
}

/** A new loan: the household in scope and eligible, the borrower a member, amount and term within the limits. */
export async function createInTx(
  d: MicroloansDeps,
  tx: Db,
  ctx: RequestContext,
  input: LoanInput,
  extra: { renewedFrom?: LoanRecord } = {},
) {
  const hh = await borrowingHousehold(d, tx, ctx, input);
  await checkLoan(tx, hh, input, extra.renewedFrom);
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

export async function create(d: MicroloansDeps, ctx: RequestContext, input: LoanInput) {
  requirePermission(ctx, 'programmes:write');
  const id = await d.db.transaction((tx) => createInTx(d, tx, ctx, input));
  return get(d, ctx, id);
}

/** The household page's section: its loans (current and past) with their events, and its members. */
export async function household(d: MicroloansDeps, ctx: RequestContext, householdId: number) {
  requirePermission(ctx, 'programmes:read');
  const hh = await repo.householdFacts(d.db, ctx.actor.scopePrefix, householdId);
  if (!hh) throw AppError.notFound({ zh: '农户', en: 'Household' });
  const today = todayOf(d);
  const rows = await repo.listLoans(
    d.db,
    repo.loanWhere(ctx.actor.scopePrefix, { householdId, today }),
    { sort: 'issuedOn', order: 'desc' },
    { pageSize: 200, offset: 0 },
  );
  const members = await repo.householdMembers(d.db, householdId);
  return {
    loans: await detailsOf(d, rows, today),
    eligible: hh.householdKind === 'alleviated' || hh.monitoringStatus === 'monitored',
    members: members.map((m) => ({ personId: Number(m.person_id), name: m.name })),
  };
}
