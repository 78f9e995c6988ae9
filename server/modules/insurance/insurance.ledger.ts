import type { Writable } from 'node:stream';
import { CLAIM_IMPORT_HEADERS, CLAIM_IMPORT_OPTIONAL } from '#common/contracts/insurance.ts';
import { CLAIM_CAUSES, CLAIM_STATUSES } from '#common/domain/insurance/codes.ts';
import { codeOfZh, zhOf } from '#common/domain/posts/codes.ts';
import { AppError } from '#server/lib/app-error.ts';
import type { RequestContext } from '#server/lib/context.ts';
import { requireInScope, requirePermission } from '#server/lib/permissions.ts';
import { importEachRow, writeRowInTx } from '#server/lib/sheet-import.ts';
import { ledgerMeta, writeLedger, type Cell } from '#server/lib/xlsx-ledger.ts';
import { readSheetRows } from '#server/lib/xlsx-rows.ts';
import { recordAudit } from '../audit/index.ts';
import { claimInTx, decideInTx } from './insurance.claims.ts';
import * as repo from './insurance.repository.ts';
import { claimFilter, toClaimRow, type ClaimExportQuery, type InsuranceDeps } from './insurance.shared.ts';

// 防贫保险 ledgers: the claim list exported (防贫保险理赔台账) and the insurer's claim list imported (dry run first).

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

/** 防贫保险理赔台账 (.xlsx): the claim list's rows under the same filters, audited. */
export async function exportClaims(deps: InsuranceDeps, ctx: RequestContext, q: ClaimExportQuery) {
  requirePermission(ctx, 'programmes:read');
  const where = repo.claimWhere(ctx.actor.scopePrefix, claimFilter(q));
  const total = await repo.countClaims(deps.db, where);
  await deps.db.transaction((tx) =>
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
      const batch = await repo.listClaims(deps.db, where, { sort: 'orgCode' }, { pageSize, offset });
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
export async function importClaims(deps: InsuranceDeps, ctx: RequestContext, buffer: Buffer, dryRun: boolean) {
  requirePermission(ctx, 'programmes:write');
  const sheet = await readSheetRows(buffer, CLAIM_IMPORT_HEADERS, CLAIM_IMPORT_OPTIONAL);
  let paid = 0;
  const columnOf = (field: string) => (field === 'alreadyInIncome' ? '已计入收入' : undefined);
  const report = await importEachRow(sheet, dryRun, async (r, { fail, failed }) => {
    const row = claimRowOf(r.cell, fail);
    if (failed() || !row) return false;
    const h = await repo.householdByIdHash(
      deps.db,
      ctx.actor.scopePrefix,
      deps.box.hash(r.cell('身份证号').toUpperCase()),
    );
    if (!h) {
      fail('身份证号', '本辖区无此在册人员');
      return false;
    }
    let isNew = false;
    const ok = await writeRowInTx(deps.db, { dryRun, fail, columnOf }, async (tx) => {
      requireInScope(ctx, h.villageCode);
      const same = await repo.findSameClaim(tx, h.id, row.claimedOn, row.amountFen);
      if (same && (same.status !== 'filed' || row.status === 'filed'))
        throw new AppError('CONFLICT', { zh: '该理赔已在台账中', en: 'The claim is already listed' });
      const { claimedOn, amountFen, paidOn, alreadyInIncome } = row;
      const id =
        same?.id ?? (await claimInTx(deps, tx, ctx, { householdId: h.id, cause: row.cause, claimedOn, amountFen }));
      isNew = !same;
      if (row.status === 'paid')
        await decideInTx(deps, tx, ctx, id, { to: 'paid', paidOn, amountFen, alreadyInIncome });
      else if (row.status === 'refused') await decideInTx(deps, tx, ctx, id, { to: 'refused', note: '承保机构拒赔' });
    });
    if (ok && row.status === 'paid') paid += 1;
    return ok && isNew;
  });
  return { ...report, paid };
}
