import type { Writable } from 'node:stream';
import type { z } from 'zod';
import {
  CLAIM_IMPORT_HEADERS,
  CLAIM_IMPORT_OPTIONAL,
  type claimExportQuery,
  type claimInput,
  type claimListQuery,
  type decisionInput,
  type policyInput,
  type policyListQuery,
  type uncoveredQuery,
  type ClaimRow,
  type PolicyRow,
} from '../../../common/contracts/insurance.ts';
import { claimErrors, decisionErrors, incomeYearOf, payoutStep } from '../../../common/domain/insurance/claims.ts';
import { CLAIM_CAUSES, CLAIM_STATUSES, type ClaimCause } from '../../../common/domain/insurance/codes.ts';
import { coverageReason, coverageScopeOf } from '../../../common/domain/insurance/coverage.ts';
import { countyCodeOf, orgFilterPrefix } from '../../../common/domain/org-code.ts';
import { codeOfZh, zhOf } from '../../../common/domain/posts/codes.ts';
import type { Db } from '../../db/connect.ts';
import { AppError } from '../../lib/app-error.ts';
import { todayInChina } from '../../lib/clock.ts';
import type { RequestContext } from '../../lib/context.ts';
import type { PersonalDataBox } from '../../lib/crypto.ts';
import { pageWindow } from '../../lib/paging.ts';
import { requireInScope, requirePermission } from '../../lib/permissions.ts';
import { ledgerMeta, writeLedger, type Cell } from '../../lib/xlsx-ledger.ts';
import { readSheetRows } from '../../lib/xlsx-rows.ts';
import { importEachRow, writeRowInTx } from '../../lib/sheet-import.ts';
import { recordAudit } from '../audit/index.ts';
import { resolveAll } from '../params/index.ts';
import { addInsurancePayout, insurancePayoutOf, type PayoutApplied } from '../registry/index.ts';

/** What a payment did to 理赔收入: added, or not (no income record of the year; already typed in by hand). */
type IncomeEffect = PayoutApplied & { outcome: 'added' | 'noIncomeRecord' | 'alreadyCounted' };
import * as repo from './insurance.repository.ts';

// 防贫保险 "1+N" (沁发〔2021〕17号 §二(三)5 一是). Policies by household and year; the coverage check lists the households
// the pure rule (common/domain/insurance/coverage.ts) says must be insured and are not; claims go reported → paid /
// refused (common/domain/insurance/claims.ts). A payment adds the amount to the household's 理赔收入 of the year paid
// through the registry (registry/index.ts addInsurancePayout), in the payment's transaction — docs/insurance.md.

type PolicyListQuery = z.infer<typeof policyListQuery>;
type ClaimListQuery = z.infer<typeof claimListQuery>;
type ClaimExportQuery = z.infer<typeof claimExportQuery>;
type Decision = z.infer<typeof decisionInput>;

const HOUSEHOLD = { zh: '农户', en: 'Household' };
const CLAIM = { zh: '理赔记录', en: 'Claim' };

function toPolicyRow(r: Awaited<ReturnType<typeof repo.listPolicies>>[number]): PolicyRow {
  const x = r.policy;
  return {
    id: x.id,
    householdId: x.householdId,
    householdNo: r.householdNo,
    headName: r.headName,
    orgCode: x.orgCode,
    villageName: r.villageName,
    year: x.year,
    insurer: x.insurer,
    premiumFen: x.premiumFen,
    claims: Number(r.claims),
    paidFen: Number(r.paidFen),
  };
}

function toClaimRow(r: Awaited<ReturnType<typeof repo.listClaims>>[number]): ClaimRow {
  const x = r.claim;
  return {
    id: x.id,
    policyId: x.policyId,
    policyYear: r.policyYear,
    insurer: r.insurer,
    householdId: x.householdId,
    householdNo: r.householdNo,
    headName: r.headName,
    orgCode: x.orgCode,
    villageName: r.villageName,
    cause: x.cause as ClaimCause,
    claimedOn: x.claimedOn,
    amountFen: x.amountFen,
    status: x.status,
    paidOn: x.paidOn,
    note: x.note,
  };
}

const claimFilter = (q: ClaimExportQuery) => ({
  year: q.year,
  orgPrefix: orgFilterPrefix(q.orgCode),
  status: q.status,
  cause: q.cause,
  q: q.q,
});

const thisYear = () => Number(todayInChina().slice(0, 4));

/** One row of the insurer's claim list, checked cell by cell (errors go to `fail`; null when a code is unknown). */
function claimRowOf(
  cell: (h: (typeof CLAIM_IMPORT_HEADERS)[number] | (typeof CLAIM_IMPORT_OPTIONAL)[number]) => string,
  fail: (field: string, message: string) => void,
) {
  const cause = codeOfZh(CLAIM_CAUSES, cell('出险原因'));
  const status = codeOfZh(CLAIM_STATUSES, cell('理赔状态') || '已报案');
  const yuan = Number(cell('理赔金额(元)'));
  const claimedOn = cell('报案日期');
  const paidOn = cell('赔付日期');
  const counted = cell('已计入收入');
  const alreadyInIncome = counted === '是' ? true : counted === '否' ? false : undefined;
  if (!cause) fail('出险原因', `出险原因应为 ${CLAIM_CAUSES.map((t) => t.zh).join('、')} 之一`);
  if (!status) fail('理赔状态', `理赔状态应为 ${CLAIM_STATUSES.map((t) => t.zh).join('、')} 之一`);
  if (!Number.isFinite(yuan) || yuan <= 0) fail('理赔金额(元)', '理赔金额须大于0');
  if (!/^\d{4}-\d{2}-\d{2}$/.test(claimedOn)) fail('报案日期', '报案日期格式 YYYY-MM-DD');
  if (status === 'paid' && !/^\d{4}-\d{2}-\d{2}$/.test(paidOn)) fail('赔付日期', '已赔付的须填赔付日期 YYYY-MM-DD');
  if (counted && alreadyInIncome === undefined) fail('已计入收入', '已计入收入应为 是、否 或留空');
  if (!cause || !status) return null;
  return { cause, status, claimedOn, paidOn, alreadyInIncome, amountFen: Math.round(yuan * 100) };
}

export function createInsuranceService(db: Db, box: PersonalDataBox) {
  async function listPolicies(ctx: RequestContext, q: PolicyListQuery) {
    requirePermission(ctx, 'programmes:read');
    const where = repo.policyWhere(ctx.actor.scopePrefix, {
      year: q.year,
      orgPrefix: orgFilterPrefix(q.orgCode),
      q: q.q,
    });
    const w = pageWindow({ ...q, page: q.page ?? 1 });
    const [rows, total] = await Promise.all([repo.listPolicies(db, where, q, w), repo.countPolicies(db, where)]);
    return { items: rows.map(toPolicyRow), total, page: w.page ?? 1, pageSize: w.pageSize };
  }

  async function getPolicy(ctx: RequestContext, id: number): Promise<PolicyRow> {
    const [row] = await repo.listPolicies(
      db,
      repo.policyWhere(ctx.actor.scopePrefix, { id }),
      {},
      { page: 1, pageSize: 1, offset: 0 },
    );
    if (!row) throw AppError.notFound({ zh: '保单', en: 'Policy' });
    return toPolicyRow(row);
  }

  async function activeHousehold(tx: Db, ctx: RequestContext, householdId: number) {
    const h = await repo.householdFacts(tx, ctx.actor.scopePrefix, householdId);
    if (!h) throw AppError.notFound(HOUSEHOLD);
    if (h.closed)
      throw AppError.validation([
        { field: 'householdId', messageZh: '该户已销户', messageEn: 'The household is closed' },
      ]);
    return h;
  }

  async function insureInTx(tx: Db, ctx: RequestContext, input: z.infer<typeof policyInput>) {
    const h = await activeHousehold(tx, ctx, input.householdId);
    if (input.year > thisYear() + 1)
      throw AppError.validation([
        { field: 'year', messageZh: '至多登记下一年度保单', messageEn: 'At most next year’s policy' },
      ]);
    if (await repo.findPolicy(tx, h.id, input.year))
      throw AppError.validation([
        {
          field: 'year',
          messageZh: `该户${input.year}年度已参保`,
          messageEn: `The household is already insured for ${input.year}`,
        },
      ]);
    const id = await repo.insertPolicy(tx, {
      countyCode: h.countyCode,
      orgCode: h.villageCode,
      householdId: h.id,
      year: input.year,
      insurer: input.insurer,
      premiumFen: input.premiumFen ?? 0,
      createdBy: ctx.actor.id || null,
    });
    await recordAudit(tx, ctx, {
      action: 'create',
      entity: 'insurance_policy',
      entityId: id,
      orgCode: h.villageCode,
      after: { householdNo: h.householdNo, year: input.year, insurer: input.insurer, premiumFen: input.premiumFen },
    });
    return id;
  }

  /** 参保登记: one policy per household and year. */
  async function insure(ctx: RequestContext, input: z.infer<typeof policyInput>): Promise<PolicyRow> {
    requirePermission(ctx, 'programmes:write');
    const id = await db.transaction((tx) => insureInTx(tx, ctx, input));
    return getPolicy(ctx, id);
  }

  /** 参保核对: the households the coverage rule says must be insured in the year and hold no policy (paged). */
  async function uncovered(ctx: RequestContext, q: z.infer<typeof uncoveredQuery>) {
    requirePermission(ctx, 'programmes:read');
    const year = q.year ?? thisYear();
    const params = await resolveAll(db, countyCodeOf(ctx.actor.orgCode), `${year}-01`);
    const scope = coverageScopeOf(params['insurance.coverageScope']?.value);
    const where = repo.uncoveredWhere(ctx.actor.scopePrefix, scope, year, q.orgCode);
    const w = pageWindow({ ...q, page: q.page ?? 1 });
    const [rows, total] = await Promise.all([repo.listUncovered(db, where, q, w), repo.countUncovered(db, where)]);
    return {
      year,
      items: rows.map((r) => ({
        householdId: Number(r.household_id),
        householdNo: r.household_no,
        headName: r.head_name,
        orgCode: r.village_code,
        villageName: r.village_name,
        townshipName: r.township_name,
        // the pure rule names the reason (the SQL selected the same households)
        reason:
          coverageReason({ kind: r.kind, monitoringStatus: r.monitoring_status, closed: false }, scope) ?? 'alleviated',
      })),
      total,
      page: w.page ?? 1,
      pageSize: w.pageSize,
    };
  }

  /** 应参保未参保农户清单 (.xlsx): the coverage check's households under the same filters, audited. */
  async function exportUncovered(ctx: RequestContext, q: { year?: number; orgCode?: string }) {
    requirePermission(ctx, 'programmes:read');
    const year = q.year ?? thisYear();
    const params = await resolveAll(db, countyCodeOf(ctx.actor.orgCode), `${year}-01`);
    const scope = coverageScopeOf(params['insurance.coverageScope']?.value);
    const where = repo.uncoveredWhere(ctx.actor.scopePrefix, scope, year, q.orgCode);
    const total = await repo.countUncovered(db, where);
    await db.transaction((tx) =>
      recordAudit(tx, ctx, {
        action: 'export',
        entity: 'insurance_policy',
        orgCode: ctx.actor.orgCode,
        after: { ledger: '防贫保险应参保未参保农户', rows: total, filters: { ...q, year } },
      }),
    );
    async function* rows(): AsyncGenerator<Cell[]> {
      const pageSize = 500;
      for (let offset = 0; ; offset += pageSize) {
        const batch = await repo.listUncovered(db, where, { sort: 'orgCode' }, { pageSize, offset });
        for (const r of batch) {
          const reason = coverageReason({ kind: r.kind, monitoringStatus: r.monitoring_status, closed: false }, scope);
          yield [
            r.township_name,
            r.village_name,
            r.household_no,
            r.head_name,
            reason === 'monitored' ? '监测对象' : '脱贫户',
          ];
        }
        if (batch.length < pageSize) return;
      }
    }
    return (out: Writable) =>
      writeLedger(
        out,
        [
          {
            title: `${year}年防贫保险应参保未参保农户`,
            headers: ['乡镇', '村', { header: '户编号', kind: 'code' }, '户主', '应参保原因'],
            rows: rows(),
          },
        ],
        ledgerMeta(ctx),
      );
  }

  async function listClaims(ctx: RequestContext, q: ClaimListQuery) {
    requirePermission(ctx, 'programmes:read');
    const where = repo.claimWhere(ctx.actor.scopePrefix, claimFilter(q));
    const w = pageWindow({ ...q, page: q.page ?? 1 });
    const [rows, total] = await Promise.all([repo.listClaims(db, where, q, w), repo.countClaims(db, where)]);
    return { items: rows.map(toClaimRow), total, page: w.page ?? 1, pageSize: w.pageSize };
  }

  async function getClaim(ctx: RequestContext, id: number): Promise<ClaimRow> {
    const [row] = await repo.listClaims(
      db,
      repo.claimWhere(ctx.actor.scopePrefix, { id }),
      {},
      { pageSize: 1, offset: 0 },
    );
    if (!row) throw AppError.notFound(CLAIM);
    return toClaimRow(row);
  }

  async function claimInTx(tx: Db, ctx: RequestContext, input: z.infer<typeof claimInput>) {
    const h = await activeHousehold(tx, ctx, input.householdId);
    const year = Number(input.claimedOn.slice(0, 4));
    const policy = await repo.findPolicy(tx, h.id, year);
    if (!policy)
      throw AppError.validation([
        {
          field: 'householdId',
          messageZh: `该户${year}年度未参保防贫保险`,
          messageEn: `The household holds no ${year} policy`,
        },
      ]);
    const errors = claimErrors({ policyYear: policy.year, ...input }, todayInChina());
    if (errors.length) throw AppError.validation(errors);
    const id = await repo.insertClaim(tx, {
      countyCode: h.countyCode,
      orgCode: h.villageCode,
      policyId: policy.id,
      householdId: h.id,
      cause: input.cause,
      claimedOn: input.claimedOn,
      amountFen: input.amountFen,
      note: input.note ?? null,
      createdBy: ctx.actor.id || null,
    });
    await recordAudit(tx, ctx, {
      action: 'report',
      entity: 'insurance_claim',
      entityId: id,
      orgCode: h.villageCode,
      after: { householdNo: h.householdNo, cause: input.cause, claimedOn: input.claimedOn, amountFen: input.amountFen },
    });
    return id;
  }

  /** 报案: a claim on the household's policy of the report year. */
  async function report(ctx: RequestContext, input: z.infer<typeof claimInput>): Promise<ClaimRow> {
    requirePermission(ctx, 'programmes:write');
    const id = await db.transaction((tx) => claimInTx(tx, ctx, input));
    return getClaim(ctx, id);
  }

  async function decideInTx(tx: Db, ctx: RequestContext, id: number, d: Decision) {
    const claim = await repo.findClaim(tx, ctx.actor.scopePrefix, id);
    if (!claim) throw AppError.notFound(CLAIM);
    const errors = decisionErrors(claim, d, todayInChina());
    if (errors.some((e) => e.field === 'status'))
      throw new AppError('CONFLICT', { zh: errors[0].messageZh, en: errors[0].messageEn });
    if (errors.length) throw AppError.validation(errors);
    let income: IncomeEffect | null = null;
    if (d.to === 'paid') {
      const year = incomeYearOf(d.paidOn);
      const recorded = await insurancePayoutOf(tx, claim.householdId, year);
      const ledger = await repo.ledgerIncomeAdded(tx, claim.householdId, year);
      const step = payoutStep(recorded, ledger, d.amountFen, d.alreadyInIncome);
      if (step.kind === 'refuse') throw AppError.validation([step.error]);
      await repo.decideClaim(tx, id, {
        status: 'paid',
        paidOn: d.paidOn,
        amountFen: d.amountFen,
        note: claim.note,
        incomeAddedFen: step.kind === 'add' ? d.amountFen : null,
      });
      income =
        step.kind === 'add'
          ? {
              ...(await addInsurancePayout(
                tx,
                ctx,
                claim.householdId,
                year,
                d.amountFen,
                `防贫保险理赔已赔付（理赔编号 ${id}，${d.paidOn}），计入理赔收入`,
              )),
              outcome: 'added',
            }
          : { applied: false, year, beforeFen: recorded, afterFen: recorded, outcome: step.kind };
    } else
      await repo.decideClaim(tx, id, {
        status: 'refused',
        paidOn: null,
        amountFen: claim.amountFen,
        note: d.note,
        incomeAddedFen: null,
      });
    await recordAudit(tx, ctx, {
      action: d.to === 'paid' ? 'pay' : 'refuse',
      entity: 'insurance_claim',
      entityId: id,
      orgCode: claim.orgCode,
      before: { status: claim.status, amountFen: claim.amountFen },
      after: d.to === 'paid' ? { ...d, incomeYear: income?.applied ? income.year : null } : d,
    });
    return income;
  }

  /** 赔付 or 拒赔; a payment reaches 理赔收入 of the year paid when that year's income record exists. */
  async function decide(ctx: RequestContext, id: number, d: Decision) {
    requirePermission(ctx, 'programmes:write');
    const income = await db.transaction((tx) => decideInTx(tx, ctx, id, d));
    return { claim: await getClaim(ctx, id), income };
  }

  /** The household page's section: its policies by year and its claims. */
  async function household(ctx: RequestContext, householdId: number) {
    requirePermission(ctx, 'programmes:read');
    if (!(await repo.householdFacts(db, ctx.actor.scopePrefix, householdId))) throw AppError.notFound(HOUSEHOLD);
    const [policies, claims] = await Promise.all([
      repo.listPolicies(
        db,
        repo.policyWhere(ctx.actor.scopePrefix, { householdId }),
        { sort: 'year', order: 'desc' },
        { page: 1, pageSize: 50, offset: 0 },
      ),
      repo.listClaims(
        db,
        repo.claimWhere(ctx.actor.scopePrefix, { householdId }),
        { sort: 'claimedOn', order: 'desc' },
        { pageSize: 200, offset: 0 },
      ),
    ]);
    return { policies: policies.map(toPolicyRow), claims: claims.map(toClaimRow) };
  }

  /** 防贫保险理赔台账 (.xlsx): the claim list's rows under the same filters, audited. */
  async function exportClaims(ctx: RequestContext, q: ClaimExportQuery) {
    requirePermission(ctx, 'programmes:read');
    const where = repo.claimWhere(ctx.actor.scopePrefix, claimFilter(q));
    const total = await repo.countClaims(db, where);
    await db.transaction((tx) =>
      recordAudit(tx, ctx, {
        action: 'export',
        entity: 'insurance_claim',
        orgCode: ctx.actor.orgCode,
        after: { ledger: '防贫保险理赔台账', rows: total, filters: q },
      }),
    );
    async function* rows(): AsyncGenerator<Cell[]> {
      const pageSize = 500;
      for (let offset = 0; ; offset += pageSize) {
        const batch = await repo.listClaims(db, where, { sort: 'orgCode' }, { pageSize, offset });
        for (const r of batch.map(toClaimRow))
          yield [
            r.villageName,
            r.householdNo,
            r.headName,
            r.policyYear,
            r.insurer,
            zhOf(CLAIM_CAUSES, r.cause),
            r.claimedOn,
            r.amountFen / 100,
            zhOf(CLAIM_STATUSES, r.status),
            r.paidOn,
            r.note,
          ];
        if (batch.length < pageSize) return;
      }
    }
    return (out: Writable) =>
      writeLedger(
        out,
        [
          {
            title: '防贫保险理赔台账',
            headers: [
              '村',
              { header: '户编号', kind: 'code' },
              '户主',
              { header: '保单年度', kind: 'integer' },
              '承保机构',
              '出险原因',
              { header: '报案日期', kind: 'date' },
              { header: '理赔金额(元)', kind: 'yuan' },
              '理赔状态',
              { header: '赔付日期', kind: 'date' },
              '备注',
            ],
            rows: rows(),
          },
        ],
        ledgerMeta(ctx),
      );
  }

  /**
   * The insurer's claim list (CLAIM_IMPORT_HEADERS): the household is found by a member's ID number; a new claim is
   * reported on the policy of the report year; a row marked 已赔付 pays it (into 理赔收入), 拒赔 refuses it. A claim
   * already on the list (same household, report date and amount) is decided, not reported again. Dry run: every row
   * checked, nothing kept.
   */
  async function importClaims(ctx: RequestContext, buffer: Buffer, dryRun: boolean) {
    requirePermission(ctx, 'programmes:write');
    const sheet = await readSheetRows(buffer, CLAIM_IMPORT_HEADERS, CLAIM_IMPORT_OPTIONAL);
    let paid = 0;
    const columnOf = (field: string) => (field === 'alreadyInIncome' ? '已计入收入' : undefined);
    const report = await importEachRow(sheet, dryRun, async (r, { fail, failed }) => {
      const row = claimRowOf(r.cell, fail);
      if (failed() || !row) return false;
      const h = await repo.householdByIdHash(db, ctx.actor.scopePrefix, box.hash(r.cell('身份证号').toUpperCase()));
      if (!h) {
        fail('身份证号', '本辖区无此在册人员');
        return false;
      }
      let isNew = false;
      const ok = await writeRowInTx(db, { dryRun, fail, columnOf }, async (tx) => {
        requireInScope(ctx, h.villageCode);
        const same = await repo.findSameClaim(tx, h.id, row.claimedOn, row.amountFen);
        if (same && (same.status !== 'filed' || row.status === 'filed'))
          throw new AppError('CONFLICT', { zh: '该理赔已在台账中', en: 'The claim is already listed' });
        const { claimedOn, amountFen, paidOn, alreadyInIncome } = row;
        const id =
          same?.id ?? (await claimInTx(tx, ctx, { householdId: h.id, cause: row.cause, claimedOn, amountFen }));
        isNew = !same;
        if (row.status === 'paid') await decideInTx(tx, ctx, id, { to: 'paid', paidOn, amountFen, alreadyInIncome });
        else if (row.status === 'refused') await decideInTx(tx, ctx, id, { to: 'refused', note: '承保机构拒赔' });
      });
      if (ok && row.status === 'paid') paid += 1;
      return ok && isNew;
    });
    return { ...report, paid };
  }

  return {
    listPolicies,
    insure,
    uncovered,
    exportUncovered,
    listClaims,
    getClaim,
    report,
    decide,
    household,
    exportClaims,
    importClaims,
  };
}

export type InsuranceService = ReturnType<typeof createInsuranceService>;
