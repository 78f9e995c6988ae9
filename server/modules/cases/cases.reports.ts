import type { Writable } from 'node:stream';
import type { z } from 'zod';
import type { dueGroup, ZeroingResponse } from '#common/contracts/cases.ts';
import {
  codeLabel,
  renderNoticeHtml,
  noticeTitle,
  type NoticeKind,
  type NoticeModel,
} from '#common/domain/cases/notice.ts';
import { timeLimit, STAGE_LABELS, type Stage } from '#common/domain/cases/workflow.ts';
import { periodOf } from '#common/domain/period.ts';
import { divideFenHalfUp } from '#common/domain/registry/income.ts';
import { ELIMINATION_MODES, MONITORING_TYPES, RISK_TYPES } from '#common/domain/registry/codes.ts';
import type { Db } from '#server/db/connect.ts';
import { AppError } from '#server/lib/app-error.ts';
import { countyOfActor } from '#server/lib/county.ts';
import type { RequestContext } from '#server/lib/context.ts';
import { htmlToPdf } from '#server/lib/pdf.ts';
import { requirePermission } from '#server/lib/permissions.ts';
import { recordAudit } from '../audit/index.ts';
import { ledgerMeta, writeLedger, type Cell } from '#server/lib/xlsx-ledger.ts';
import { findCase } from './cases.repository.ts';
import {
  activeIdentificationCases,
  activeStagesByVillage,
  ledgerCount,
  ledgerPage,
  noticeBatch,
  orgNames,
  zeroingByVillage,
  type LedgerRow,
} from './cases.reports.repository.ts';
import type { CasesService } from './cases.service.ts';
import { signerOf } from '#common/domain/notice-signer.ts';
import { orgFilterPrefix } from '#common/domain/org-code.ts';

// Notices (公示/公告) as printable HTML and PDF, the time-limit list, the dynamic-zeroing board
// (动态清零) and the two ledgers (监测对象台账, 风险消除台账) as streamed, audited .xlsx.

const countyOf = countyOfActor;
const yuan = (fen: number | null | undefined) => (fen == null ? null : Math.round(fen) / 100);
const yesNo = (v: boolean | null | undefined) => (v == null ? '' : v ? '是' : '否');

export function createCaseReports(db: Db, cases: CasesService) {
  // ------------------------------------------------------------ notices

  async function noticeModel(ctx: RequestContext, id: number, kind: NoticeKind): Promise<NoticeModel> {
    requirePermission(ctx, 'cases:read');
    const c = await findCase(db, ctx.actor.scopePrefix, id);
    if (!c) throw AppError.notFound({ zh: '事项', en: 'Case' });
    const p = await cases.workflowParams(db, c.countyCode);
    let batch;
    let startOn: string;
    let endOn: string | null = null;
    if (kind === 'publicity') {
      if (!c.noticeStartedOn)
        throw new AppError('CONFLICT', {
          zh: '请先在“村内公示”环节登记公示开始日期',
          en: 'Record the start of the public notice first',
        });
      batch = await noticeBatch(db, { villageCode: c.villageCode, kind: c.kind, noticeStartedOn: c.noticeStartedOn });
      startOn = c.noticeStartedOn;
      endOn = c.noticeEndsOn;
    } else {
      if (c.stage !== 'announcement' && c.stage !== 'done')
        throw new AppError('CONFLICT', {
          zh: '县级审定后才能生成结果公告',
          en: 'The announcement follows the county decision',
        });
      batch = await noticeBatch(db, { villageCode: c.villageCode, kind: c.kind, announcedOn: c.announcedOn });
      startOn = c.announcedOn ?? cases.today();
    }
    const names = await orgNames(db, c.villageCode);
    return {
      kind,
      caseKind: c.kind,
      countyName: names?.county ?? '',
      townshipName: names?.township ?? '',
      villageName: names?.village ?? '',
      townshipKind: names?.township_kind,
      villageKind: names?.village_kind,
      households: batch.map((b) => ({
        headName: b.head_name ?? '（户主未登记）',
        householdSize: b.household_size,
        monitoringType: b.monitoring_type,
        riskTypes: b.risk_types,
        eliminationMode: b.elimination_mode,
      })),
      startOn,
      endOn,
      noticeDays: p.noticeDays,
      objectTo: `${signerOf({ name: names?.village ?? '', kind: names?.village_kind ?? '行政村' })}或${signerOf({ name: names?.township ?? '', kind: names?.township_kind ?? '镇' })}`,
      issuedOn: startOn,
    };
  }

  async function noticeHtml(ctx: RequestContext, id: number, kind: NoticeKind): Promise<string> {
    return renderNoticeHtml(await noticeModel(ctx, id, kind));
  }

  async function noticePdf(ctx: RequestContext, id: number, kind: NoticeKind): Promise<{ pdf: Buffer; title: string }> {
    const model = await noticeModel(ctx, id, kind);
    const pdf = await htmlToPdf(renderNoticeHtml(model));
    const c = await findCase(db, ctx.actor.scopePrefix, id);
    await db.transaction((tx) =>
      recordAudit(tx, ctx, {
        action: 'print',
        entity: 'caseNotice',
        entityId: id,
        orgCode: c!.villageCode,
        after: { kind, households: model.households.length },
      }),
    );
    return { pdf, title: noticeTitle(model) };
  }

  // ------------------------------------------------------------ time limits

  async function due(
    ctx: RequestContext,
    orgCode?: string,
  ): Promise<{ limitDays: number; asOf: string; groups: z.infer<typeof dueGroup>[] }> {
    requirePermission(ctx, 'cases:read');
    const p = await cases.workflowParams(db, countyOf(ctx));
    const asOf = cases.today();
    const prefix = orgFilterPrefix(orgCode) ?? '';
    const rows = (await activeIdentificationCases(db, ctx.actor.scopePrefix)).filter((r) =>
      r.village_code.startsWith(prefix),
    );
    const groups = new Map<string, z.infer<typeof dueGroup>>();
    for (const r of rows) {
      const t = timeLimit(r.started_on, asOf, p.limitDays, r.decided_on);
      if (t.status === 'onTime') continue;
      let g = groups.get(r.village_code);
      if (!g) {
        g = {
          townshipCode: r.township_code,
          townshipName: r.township_name,
          villageCode: r.village_code,
          villageName: r.village_name,
          overdue: 0,
          nearDue: 0,
          cases: [],
        };
        groups.set(r.village_code, g);
      }
      if (t.status === 'overdue') g.overdue++;
      else g.nearDue++;
      g.cases.push({
        id: r.id,
        householdNo: r.household_no,
        headName: r.head_name,
        stage: STAGE_LABELS[r.stage as Stage] ?? r.stage,
        elapsed: t.elapsed,
        remaining: t.remaining,
        status: t.status,
      });
    }
    const list = [...groups.values()].sort(
      (a, b) => b.overdue - a.overdue || a.villageCode.localeCompare(b.villageCode),
    );
    for (const g of list) g.cases.sort((a, b) => b.elapsed - a.elapsed);
    return { limitDays: p.limitDays, asOf, groups: list };
  }

  // ------------------------------------------------------------ dynamic zeroing

  async function zeroing(ctx: RequestContext, orgCode?: string): Promise<ZeroingResponse> {
    requirePermission(ctx, 'cases:read');
    const p = await cases.workflowParams(db, countyOf(ctx));
    const asOf = cases.today();
    const period = periodOf(asOf);
    const prefix = orgFilterPrefix(orgCode) ?? '';
    const villages = (await zeroingByVillage(db, ctx.actor.scopePrefix, asOf, period, p.limitDays)).filter((v) =>
      v.village_code.startsWith(prefix),
    );
    const stages = await activeStagesByVillage(db, ctx.actor.scopePrefix);
    const overdueCases = (await activeIdentificationCases(db, ctx.actor.scopePrefix)).filter(
      (r) => timeLimit(r.started_on, asOf, p.limitDays, r.decided_on).status === 'overdue',
    );
    const empty = (code: string, name: string, level: string) => ({
      code,
      name,
      level,
      openClues: 0,
      openCluesWithoutCase: 0,
      clueAge: { d0to7: 0, d8to15: 0, over15: 0 },
      byStage: {} as Record<string, number>,
      monitoredAtRisk: 0,
      monitoredAge: { m0to5: 0, m6to11: 0, m12plus: 0 },
      identifiedThisMonth: 0,
      eliminatedThisMonth: 0,
      overdue: 0,
    });
    type Row = ReturnType<typeof empty>;
    const total = empty(prefix ? orgCode! : countyOf(ctx), '合计', 'total');
    const townships = new Map<string, Row>();
    const villageRows: Row[] = [];
    const add = (into: Row, from: Row) => {
      into.openClues += from.openClues;
      into.openCluesWithoutCase += from.openCluesWithoutCase;
      into.clueAge.d0to7 += from.clueAge.d0to7;
      into.clueAge.d8to15 += from.clueAge.d8to15;
      into.clueAge.over15 += from.clueAge.over15;
      for (const [k, n] of Object.entries(from.byStage)) into.byStage[k] = (into.byStage[k] ?? 0) + n;
      into.monitoredAtRisk += from.monitoredAtRisk;
      into.monitoredAge.m0to5 += from.monitoredAge.m0to5;
      into.monitoredAge.m6to11 += from.monitoredAge.m6to11;
      into.monitoredAge.m12plus += from.monitoredAge.m12plus;
      into.identifiedThisMonth += from.identifiedThisMonth;
      into.eliminatedThisMonth += from.eliminatedThisMonth;
      into.overdue += from.overdue;
    };
    for (const v of villages) {
      const row = empty(v.village_code, v.village_name, 'village');
      row.openClues = v.open_clues;
      row.openCluesWithoutCase = v.open_without_case;
      row.clueAge = { d0to7: v.d0to7, d8to15: v.d8to15, over15: v.over15 };
      for (const s of stages.filter((s) => s.village_code === v.village_code))
        row.byStage[`${s.kind}.${s.stage}`] = (row.byStage[`${s.kind}.${s.stage}`] ?? 0) + s.n;
      row.monitoredAtRisk = v.monitored;
      row.monitoredAge = { m0to5: v.m0to5, m6to11: v.m6to11, m12plus: v.m12plus };
      row.identifiedThisMonth = v.identified_this_month;
      row.eliminatedThisMonth = v.eliminated_this_month;
      // Overdue: clues past the limit with no decision (in a case or not yet taken up).
      row.overdue = Math.max(v.clue_overdue, overdueCases.filter((c) => c.village_code === v.village_code).length);
      villageRows.push(row);
      let t = townships.get(v.township_code);
      if (!t) {
        t = empty(v.township_code, v.township_name, 'township');
        townships.set(v.township_code, t);
      }
      add(t, row);
      add(total, row);
    }
    return { period, asOf, limitDays: p.limitDays, total, rows: [...townships.values(), ...villageRows] };
  }

  // ------------------------------------------------------------ ledgers

  const MONITORED_HEADERS = [
    '乡镇',
    '行政村',
    '户编号',
    '户主姓名',
    '家庭人口',
    '户类型',
    '监测对象类别',
    '致贫返贫风险1',
    '致贫返贫风险2',
    '致贫返贫风险3',
    '致贫返贫风险4',
    '致贫返贫风险5',
    '识别监测时间',
    '整户无劳动能力',
    '收入年度',
    '家庭纯收入(元)',
    '家庭人均纯收入(元)',
    '帮扶措施数',
    '住房安全问题',
    '义务教育失学辍学',
    '未参加基本医保',
    '饮水安全',
  ];
  const ELIMINATION_HEADERS = [
    '乡镇',
    '行政村',
    '户编号',
    '户主姓名',
    '家庭人口',
    '监测对象类别',
    '致贫返贫风险',
    '识别监测时间',
    '风险消除时间',
    '风险消除方式',
    '自然消除原因',
    '消除后收入年度',
    '消除后家庭纯收入(元)',
    '消除后人均纯收入(元)',
    '消除后住房安全问题',
    '消除后义务教育失学辍学',
    '消除后未参加基本医保',
    '消除后饮水安全',
    '事项编号',
  ];

  function monitoredCells(r: LedgerRow): Cell[] {
    const risks = [0, 1, 2, 3, 4].map((i) => (r.risk_types[i] ? codeLabel(RISK_TYPES, r.risk_types[i]) : null));
    return [
      r.township_name,
      r.village_name,
      r.household_no,
      r.head_name,
      r.household_size,
      r.kind === 'alleviated' ? '脱贫户' : '一般农户',
      r.monitoring_type ? codeLabel(MONITORING_TYPES, r.monitoring_type) : null,
      ...risks,
      r.identification_period,
      yesNo(r.whole_household_no_labour),
      r.income_year,
      yuan(r.net_income),
      r.net_income == null ? null : yuan(divideFenHalfUp(r.net_income, Math.max(1, r.income_size ?? 1))),
      r.measures,
      yesNo(r.housing_unsafe),
      yesNo(r.school_dropout),
      yesNo(r.medical_uninsured),
      yesNo(r.water_safe),
    ];
  }

  function eliminationCells(r: LedgerRow): Cell[] {
    const s = (r.snapshot ?? {}) as {
      income?: { year?: number; netIncome?: number; perCapitaFen?: number } | null;
      housingUnsafe?: boolean;
      schoolDropout?: boolean;
      medicalUninsured?: boolean;
      waterSafe?: boolean;
    };
    return [
      r.township_name,
      r.village_name,
      r.household_no,
      r.head_name,
      r.household_size,
      r.monitoring_type ? codeLabel(MONITORING_TYPES, r.monitoring_type) : null,
      r.risk_types.map((x) => codeLabel(RISK_TYPES, x)).join('、'),
      r.identification_period,
      r.elimination_period,
      r.elimination_mode ? codeLabel(ELIMINATION_MODES, r.elimination_mode) : null,
      r.natural_reason,
      s.income?.year ?? null,
      yuan(s.income?.netIncome),
      yuan(s.income?.perCapitaFen),
      yesNo(s.housingUnsafe),
      yesNo(s.schoolDropout),
      yesNo(s.medicalUninsured),
      yesNo(s.waterSafe),
      r.case_id,
    ];
  }

  async function prepareLedger(ctx: RequestContext, which: 'monitored' | 'eliminated') {
    requirePermission(ctx, 'cases:export');
    const scopePrefix = ctx.actor.scopePrefix;
    const count = await ledgerCount(db, scopePrefix, which);
    const title = which === 'monitored' ? '监测对象台账' : '风险消除台账';
    await db.transaction((tx) =>
      recordAudit(tx, ctx, {
        action: 'export',
        entity: 'caseLedger',
        orgCode: ctx.actor.orgCode,
        after: { ledger: title, households: count },
      }),
    );
    async function* rows(): AsyncGenerator<Cell[]> {
      let after = 0;
      for (;;) {
        const page = await ledgerPage(db, scopePrefix, which, after, 1000);
        if (page.length === 0) return;
        for (const r of page) yield which === 'monitored' ? monitoredCells(r) : eliminationCells(r);
        after = page[page.length - 1].id;
      }
    }
    return {
      count,
      title,
      write: (out: Writable) =>
        writeLedger(
          out,
          [{ title, headers: which === 'monitored' ? MONITORED_HEADERS : ELIMINATION_HEADERS, rows: rows() }],
          ledgerMeta(ctx),
        ),
    };
  }

  return { noticeModel, noticeHtml, noticePdf, due, zeroing, prepareLedger };
}

export type CaseReports = ReturnType<typeof createCaseReports>;
