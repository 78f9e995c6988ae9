import type { Writable } from 'node:stream';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { assetListQuery } from '../../../common/contracts/assets.ts';
import { ASSET_CATEGORIES, ASSET_CATEGORY_LABELS, OWNER_LEVEL_LABELS } from '../../../common/domain/assets/rules.ts';
import { countyCodeOf, levelOfCode } from '../../../common/domain/org-code.ts';
import { FUND_SOURCE_LABELS, PROJECT_TYPE_LABELS } from '../../../common/domain/projects/types.ts';
import { ENTRY_STAGE_LABELS, PROJECT_STATUS_LABELS } from '../../../common/domain/projects/workflow.ts';
import { idParams } from '../../../common/contracts/deliberation.ts';
import type { Db } from '../../db/connect.ts';
import { orgUnits } from '../../db/schema/org.ts';
import { signerOf } from '../../../common/domain/notice-signer.ts';
import { CONTENT_TYPES, sendDownload, sendXlsx } from '../../http/download.ts';
import { requireCtx } from '../../http/session.ts';
import type { App } from '../../http/types.ts';
import { AppError } from '../../lib/app-error.ts';
import { todayInChina } from '../../lib/clock.ts';
import type { RequestContext } from '../../lib/context.ts';
import { htmlToPdf } from '../../lib/pdf.ts';
import type { AssetsService } from '../assets/index.ts';
import { recordAudit } from '../audit/index.ts';
import type { DeliberationService } from '../deliberation/index.ts';
import type { FundsService } from '../funds/index.ts';
import { numberParam, resolveAll } from '../params/index.ts';
import { ledgerMeta, type Cell, type LedgerMeta, type SheetContent, writeLedger } from '../../lib/xlsx-ledger.ts';
import { incomeNoticeHtml, projectNoticeHtml } from './notices.ts';
import type { ProjectsService } from './projects.service.ts';

// Exports (.xlsx) of the project library, the fund ledger and the asset ledgers (county 总账 or the
// township/village 明细账, by the caller's scope or a chosen unit), and the public notices as printable
// pages and PDF. Every one is permission-checked, scoped through the services and audited before a byte leaves.

export interface Deps {
  db: Db;
  projects: ProjectsService;
  funds: FundsService;
  assets: AssetsService;
  deliberation: DeliberationService;
}

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

/** 项目库 as a workbook (scoped by the caller; audited). */
export async function projectBook(deps: Deps, ctx: RequestContext, year?: number): Promise<LedgerBook> {
  const projects = await deps.projects.list(ctx, { year });
  await audit(deps.db, ctx, 'project', { format: '项目库', rows: projects.length, year: year ?? null });
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
export async function assetBook(
  deps: Deps,
  ctx: RequestContext,
  query: z.infer<typeof assetListQuery>,
): Promise<LedgerBook> {
  const assets = await deps.assets.list(ctx, query);
  const unit = query.orgCode ?? ctx.actor.orgCode;
  const level = ctx.actor.scopePrefix === '' && !query.orgCode ? 'county' : levelOfCode(unit);
  const book = level === 'county' ? '资产总账' : level === 'township' ? '乡镇资产明细账' : '村级资产明细账';
  await audit(deps.db, ctx, 'asset', { format: book, rows: assets.length, orgCode: unit });
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

export function ledgerRoutes(app: App, deps: Deps): void {
  const tags = ['ledgers'];
  const send = (req: FastifyRequest, reply: FastifyReply, b: LedgerBook) =>
    sendXlsx(req, reply, b.fileName, (out) => writeBook(out, b));

  app.get(
    '/api/projects/export.xlsx',
    {
      schema: {
        tags,
        summary: '导出项目库（.xlsx，留痕）',
        querystring: z.object({ year: z.coerce.number().int().optional() }),
      },
    },
    async (req, reply) => send(req, reply, await projectBook(deps, requireCtx(req), req.query.year)),
  );
  app.get(
    '/api/funds/export.xlsx',
    {
      schema: {
        tags,
        summary: '导出衔接资金台账（.xlsx，留痕）',
        querystring: z.object({ year: z.coerce.number().int() }),
      },
    },
    async (req, reply) => send(req, reply, await fundBook(deps, requireCtx(req), req.query.year)),
  );
  app.get(
    '/api/assets/export.xlsx',
    { schema: { tags, summary: '导出资产台账（县总账或乡村明细账，.xlsx，留痕）', querystring: assetListQuery } },
    async (req, reply) => send(req, reply, await assetBook(deps, requireCtx(req), req.query)),
  );

  // Public notices: printable page, or the same page as PDF (503 pointing to the page when Chromium is missing).
  async function projectNotice(req: FastifyRequest, id: number): Promise<string> {
    const ctx = requireCtx(req);
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
          : '沁水县农村工作领导小组';
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
    const [u] = await deps.db
      .select({ name: orgUnits.name, kind: orgUnits.kind })
      .from(orgUnits)
      .where(eq(orgUnits.code, code));
    return u ? signerOf(u) : fallback;
  }

  async function incomeNotice(req: FastifyRequest, id: number, incomeId: number): Promise<string> {
    const ctx = requireCtx(req);
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

  const html = (reply: FastifyReply, body: string) =>
    reply.header('content-type', 'text/html; charset=utf-8').header('cache-control', 'no-store').send(body);
  const pdf = async (req: FastifyRequest, reply: FastifyReply, body: string, name: string) =>
    sendDownload(req, reply, {
      fileName: name,
      contentType: CONTENT_TYPES.pdf,
      body: await htmlToPdf(body),
      disposition: 'inline',
    });

  app.get(
    '/api/projects/:id/notice.html',
    { schema: { tags, summary: '项目公示/公告（打印版）', params: idParams } },
    async (req, reply) => html(reply, await projectNotice(req, req.params.id)),
  );
  app.get(
    '/api/projects/:id/notice.pdf',
    { schema: { tags, summary: '项目公示/公告（PDF）', params: idParams } },
    async (req, reply) => pdf(req, reply, await projectNotice(req, req.params.id), '项目公示.pdf'),
  );
  const incomeParams = z.object({
    id: z.coerce.number().int().positive(),
    incomeId: z.coerce.number().int().positive(),
  });
  app.get(
    '/api/assets/:id/incomes/:incomeId/notice.html',
    { schema: { tags, summary: '资产收益分配公示（打印版）', params: incomeParams } },
    async (req, reply) => html(reply, await incomeNotice(req, req.params.id, req.params.incomeId)),
  );
  app.get(
    '/api/assets/:id/incomes/:incomeId/notice.pdf',
    { schema: { tags, summary: '资产收益分配公示（PDF）', params: incomeParams } },
    async (req, reply) =>
      pdf(req, reply, await incomeNotice(req, req.params.id, req.params.incomeId), '资产收益分配公示.pdf'),
  );
}
