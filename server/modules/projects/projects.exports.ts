import type { Writable } from 'node:stream';
import type { z } from 'zod';
import type { assetFilterQuery, AssetSort } from '#common/contracts/assets.ts';
import type { PagingQuery } from '#common/contracts/paging.ts';
import type { projectFilterQuery, ProjectSort } from '#common/contracts/projects.ts';
import { ASSET_CATEGORIES, ASSET_CATEGORY_LABELS, OWNER_LEVEL_LABELS } from '#common/domain/assets/rules.ts';
import { signerOf } from '#common/domain/notice-signer.ts';
import { countyCodeOf, levelOfCode } from '#common/domain/org-code.ts';
import { FUND_SOURCE_LABELS, PROJECT_TYPE_LABELS } from '#common/domain/projects/types.ts';
import { ENTRY_STAGE_LABELS, PROJECT_STATUS_LABELS } from '#common/domain/projects/workflow.ts';
import type { Db } from '#server/db/connect.ts';
import { AppError } from '#server/lib/app-error.ts';
import { todayInChina } from '#server/lib/clock.ts';
import type { RequestContext } from '#server/lib/context.ts';
import { ledgerMeta, type Cell, type LedgerMeta, type SheetContent, writeLedger } from '#server/lib/xlsx-ledger.ts';
import type { AssetsService } from '../assets/index.ts';
import { recordAudit } from '../audit/index.ts';
import type { DeliberationService } from '../deliberation/index.ts';
import type { FundsService } from '../funds/index.ts';
import { findUnit } from '../org/index.ts';
import { numberParam, resolveAll } from '../params/index.ts';
import { incomeNoticeHtml, projectNoticeHtml } from './notices.ts';
import type { ProjectsService } from './projects.service.ts';

// Exports (.xlsx) of the project library, the fund ledger and the asset ledgers (county 总账 or the
// township/village 明细账, by the caller's scope or a chosen unit), and the public notices as printable
// pages. Every one is permission-checked, scoped through the services and audited before a byte leaves;
// a list's export reads exactly the rows its filters match (the list's own where-clause).
// The routes are in ledgers.ts; the CLI (`guardline export`) calls the same books.

export interface Deps {
  db: Db;
  projects: ProjectsService;
  funds: FundsService;
  assets: AssetsService;
  deliberation: DeliberationService;
}

/** The project list's filters and order (no page: the export holds every matching row). */
export type ProjectExportQuery = z.infer<typeof projectFilterQuery> & PagingQuery<ProjectSort>;
/** The asset ledger's filters and order. */
export type AssetExportQuery = z.infer<typeof assetFilterQuery> & PagingQuery<AssetSort>;

async function* rowsOf(rows: Cell[][]): AsyncGenerator<Cell[]> {
  for (const r of rows) yield r;
}

const yuanCell = (fen: number) => Math.round(fen) / 100;

/** A book as a styled ledger workbook (server/lib/xlsx-ledger.ts), to a file or a response. */
export function writeBook(out: Writable, book: LedgerBook): Promise<void> {
  return writeLedger(out, book.sheets, book.meta);
}

async function audit(db: Db, ctx: RequestContext, entity: string, after: Record<string, unknown>, entityId?: number) {
  await db.transaction((tx) =>
    recordAudit(tx, ctx, { action: 'export', entity, entityId: entityId ?? null, orgCode: ctx.actor.orgCode, after }),
  );
}

export interface LedgerBook {
  fileName: string;
  sheets: SheetContent[];
  /** The title row: the exporting unit and day. */
  meta: LedgerMeta;
}

const CHECK_STATUS = { met: '达标', atRisk: '临界', notMet: '未达标', noData: '无数据' } as const;

/** 项目库 as a workbook: exactly the rows the list's filters match, in its order (scoped; audited). */
export async function projectBook(deps: Deps, ctx: RequestContext, query: ProjectExportQuery): Promise<LedgerBook> {
  const projects = await deps.projects.all(ctx, query);
  const { sort: _s, order: _o, ...filters } = query;
  await audit(deps.db, ctx, 'project', { format: '项目库', rows: projects.length, ...filters });
  const headers = [
    '项目编号',
    '项目名称',
    '项目类型',
    '子类型',
    '年度',
    '实施地点',
    '区划代码',
    '中央（元）',
    '省级（元）',
    '市级（元）',
    '县级（元）',
    '预算合计（元）',
    '已安排（元）',
    '已支付（元）',
    '入库环节',
    '项目状态',
  ];
  const rows = projects.map((p) => [
    p.id,
    p.name,
    PROJECT_TYPE_LABELS[p.type].zh,
    p.subType,
    p.year,
    p.orgName,
    p.orgCode,
    yuanCell(p.budget.central),
    yuanCell(p.budget.provincial),
    yuanCell(p.budget.city),
    yuanCell(p.budget.county),
    yuanCell(p.budgetFen),
    yuanCell(p.assignedFen),
    yuanCell(p.disbursedFen),
    ENTRY_STAGE_LABELS[p.entryStage as keyof typeof ENTRY_STAGE_LABELS] ?? p.entryStage,
    PROJECT_STATUS_LABELS[p.status as keyof typeof PROJECT_STATUS_LABELS] ?? p.status,
  ]);
  return { fileName: '项目库.xlsx', sheets: [{ title: '项目库', headers, rows: rowsOf(rows) }], meta: ledgerMeta(ctx) };
}

/** 衔接资金台账 of a year: allocations, assignments, payments and the rule checks. */
export async function fundBook(deps: Deps, ctx: RequestContext, year: number): Promise<LedgerBook> {
  const [allocations, assignments, disbursements, checks] = await Promise.all([
    deps.funds.allocations(ctx, year),
    deps.funds.assignments(ctx, { year }),
    deps.funds.disbursements(ctx, { year }),
    deps.funds.checks(ctx, year),
  ]);
  await audit(deps.db, ctx, 'fund_allocation', {
    format: '衔接资金台账',
    year,
    allocations: allocations.length,
    assignments: assignments.length,
    disbursements: disbursements.length,
  });
  return {
    fileName: `衔接资金台账${year}.xlsx`,
    meta: ledgerMeta(ctx),
    sheets: [
      {
        title: '资金指标',
        headers: ['年度', '来源', '文号', '下达日期', '金额（元）', '已安排（元）', '可安排余额（元）'],
        rows: rowsOf(
          allocations.map((a) => [
            a.year,
            FUND_SOURCE_LABELS[a.source].zh,
            a.docNo,
            a.receivedOn,
            yuanCell(a.amountFen),
            yuanCell(a.assignedFen),
            yuanCell(a.balanceFen),
          ]),
        ),
      },
      {
        title: '资金安排',
        headers: ['资金来源', '文号', '项目', '项目类型', '实施地点', '安排金额（元）', '已支付（元）', '余额（元）'],
        rows: rowsOf(
          assignments.map((a) => [
            FUND_SOURCE_LABELS[a.source].zh,
            a.docNo,
            a.projectName,
            PROJECT_TYPE_LABELS[a.projectType as keyof typeof PROJECT_TYPE_LABELS]?.zh ?? a.projectType,
            a.orgName,
            yuanCell(a.amountFen),
            yuanCell(a.disbursedFen),
            yuanCell(a.balanceFen),
          ]),
        ),
      },
      {
        title: '资金支付',
        headers: ['支付日期', '项目', '金额（元）', '凭证号', '收款方', '以工代赈劳务报酬'],
        rows: rowsOf(
          disbursements.map((d) => [
            d.paidOn,
            d.projectName,
            yuanCell(d.amountFen),
            d.voucherNo,
            d.payee,
            d.labour ? '是' : '否',
          ]),
        ),
      },
      {
        title: '规则校验',
        headers: ['指标', '结果', '实际比例', '要求', '说明'],
        rows: rowsOf(
          checks.checks.map((c) => [
            c.labelZh,
            CHECK_STATUS[c.status],
            c.share,
            c.kind === 'min' ? `≥${c.threshold}` : `≤${(c.wholeFen / 100).toFixed(2)}元`,
            c.detailZh,
          ]),
        ),
      },
    ],
  };
}

/** 资产总账 (county) or 明细账 (township/village), by scope or a chosen unit; one sheet per category too. */
export async function assetBook(deps: Deps, ctx: RequestContext, query: AssetExportQuery): Promise<LedgerBook> {
  const assets = await deps.assets.all(ctx, query);
  const unit = query.orgCode ?? ctx.actor.orgCode;
  const level = ctx.actor.scopePrefix === '' && !query.orgCode ? 'county' : levelOfCode(unit);
  const book = level === 'county' ? '资产总账' : level === 'township' ? '乡镇资产明细账' : '村级资产明细账';
  const { sort: _s, order: _o, ...filters } = query;
  await audit(deps.db, ctx, 'asset', { format: book, rows: assets.length, ...filters, orgCode: unit });
  const headers = [
    '资产编号',
    '资产名称',
    '类别',
    '所属项目',
    '形成年度',
    '资金来源及金额（元）',
    '原值（元）',
    '账面价值（元）',
    '乡镇',
    '所在村/单位',
    '具体位置',
    '数量',
    '单位',
    '所有权层级',
    '所有权人',
    '经营主体',
    '管护主体',
    '管护责任人',
    '受益对象',
    '累计收益（元）',
    '状态',
  ];
  const toRow = (a: (typeof assets)[number]): Cell[] => [
    a.code,
    a.name,
    ASSET_CATEGORY_LABELS[a.category].zh + (a.photovoltaic ? '（光伏）' : ''),
    a.projectName,
    a.originYear,
    Object.entries(a.fundSources)
      .map(
        ([s, fen]) => `${FUND_SOURCE_LABELS[s as keyof typeof FUND_SOURCE_LABELS]?.zh ?? s} ${(fen / 100).toFixed(2)}`,
      )
      .join('；'),
    yuanCell(a.originalValueFen),
    yuanCell(a.bookValueFen),
    a.townshipName,
    a.orgName,
    a.location,
    a.quantity,
    a.unit,
    OWNER_LEVEL_LABELS[a.ownerLevel].zh,
    a.ownerName,
    a.operator,
    a.custodian,
    a.custodianPerson,
    a.beneficiaries,
    yuanCell(a.incomeFen),
    a.status === 'inUse' ? '在用' : '已处置',
  ];
  // Separate ledgers by category (policy-rules §5), after the whole book.
  const sheets: SheetContent[] = ASSET_CATEGORIES.map((c) => ({
    title: `${ASSET_CATEGORY_LABELS[c].zh}资产`,
    headers,
    rows: rowsOf(assets.filter((a) => a.category === c).map(toRow)),
  }));
  sheets.unshift({ title: book, headers, rows: rowsOf(assets.map(toRow)) });
  return { fileName: `${book}.xlsx`, sheets, meta: ledgerMeta(ctx) };
}

/** The printable public notices of projects and of asset income distributions (audited as prints). */
export function createNotices(deps: Deps) {
  // Public notices: printable page, or the same page as PDF (503 pointing to the page when Chromium is missing).
  async function projectNotice(ctx: RequestContext, id: number): Promise<string> {
    const p = await deps.projects.get(ctx, id);
    const d = p.deliberationId ? await deps.deliberation.get(ctx, p.deliberationId).catch(() => null) : null;
    const params = await resolveAll(deps.db, countyCodeOf(p.orgCode), todayInChina().slice(0, 7));
    const level =
      p.entryStage === 'villageNotice' || p.entryStage === 'declaration'
        ? 'village'
        : p.entryStage === 'townshipNotice' || p.entryStage === 'townshipReview'
          ? 'township'
          : 'county';
    // The village's committee, the township-level unit's government (the development zone: its 管委会), the county's group.
    const issuer =
      level === 'village'
        ? await signerAt(p.orgCode, `${p.orgName}村民委员会`)
        : level === 'township'
          ? await signerAt(`${p.orgCode.slice(0, 9)}000`, '乡（镇）人民政府')
          : `${await countyName(p.orgCode)}农村工作领导小组`;
    await deps.db.transaction((tx) =>
      recordAudit(tx, ctx, {
        action: 'print',
        entity: 'project_notice',
        entityId: id,
        orgCode: p.orgCode,
        after: { entryStage: p.entryStage },
      }),
    );
    return projectNoticeHtml(p, d, {
      issuer,
      today: todayInChina(),
      noticeDays: numberParam(params, 'projects.noticeDays'),
    });
  }

  /** Who signs a notice of the unit `code` (notice-signer.ts), or `fallback` when the unit is unknown. */
  async function signerAt(code: string, fallback: string): Promise<string> {
    const u = await findUnit(deps.db, code);
    return u ? signerOf(u) : fallback;
  }

  /** The name of the county a unit lies in, from the org tree (no county is named in code). */
  async function countyName(code: string): Promise<string> {
    const county = countyCodeOf(code);
    return (await findUnit(deps.db, county))?.name ?? county;
  }

  async function incomeNotice(ctx: RequestContext, id: number, incomeId: number): Promise<string> {
    const a = await deps.assets.get(ctx, id);
    const income = a.incomes.find((i) => i.id === incomeId);
    if (!income) throw AppError.notFound({ zh: '收益记录', en: 'Income' });
    const d = await deps.deliberation.get(ctx, income.deliberationId).catch(() => null);
    await deps.db.transaction((tx) =>
      recordAudit(tx, ctx, {
        action: 'print',
        entity: 'asset_income_notice',
        entityId: incomeId,
        orgCode: a.orgCode,
        after: { assetId: id },
      }),
    );
    return incomeNoticeHtml(a, incomeId, d, { today: todayInChina(), signer: await signerAt(a.orgCode, a.orgName) })!;
  }

  return { projectNotice, incomeNotice };
}

export type Notices = ReturnType<typeof createNotices>;
