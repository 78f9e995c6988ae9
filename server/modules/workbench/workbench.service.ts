import type { WorkbenchItem, WorkbenchResponse, WorkbenchSeverity } from '../../../common/contracts/workbench.ts';
import { householdSearchQuery } from '../../../common/contracts/registry.ts';
import { STAGE_ACTORS, STAGE_LABELS, type Stage } from '../../../common/domain/cases/workflow.ts';
import { addMonths, daysInMonth, parsePeriod, periodOf } from '../../../common/domain/period.ts';
import { can, type OrgLevel } from '../../../common/domain/roles.ts';
import type { Db } from '../../db/connect.ts';
import { systemClock, todayInChina, type Clock } from '../../lib/clock.ts';
import type { RequestContext } from '../../lib/context.ts';
import { countyOfActor } from '../../lib/county.ts';
import type { AssistanceService } from '../assistance/index.ts';
import { unpairedMonitoredCount } from '../assistance/index.ts';
import type { CaseReports } from '../cases/index.ts';
import { monthsWithoutBatch } from '../feeds/index.ts';
import type { IndicatorsService } from '../indicators/index.ts';
import { projectsWaitingCount } from '../projects/index.ts';
import { numberParam, resolveAll } from '../params/index.ts';
import type { createReviewService } from '../registry/index.ts';
import type { RegistryService } from '../registry/index.ts';

// 工作台: what is due today for the signed-in user. Every count comes from the module that owns it, called as
// the user (its permission and scope checks apply): case time limits from the cases reports (the workflow's
// `timeLimit`), obligations from the assistance board, forms from the indicators approvals, feeds from feeds.

export interface WorkbenchDeps {
  db: Db;
  caseReports: Pick<CaseReports, 'due' | 'zeroing'>;
  review: Pick<ReturnType<typeof createReviewService>, 'pending'>;
  registry: Pick<RegistryService, 'search'>;
  assistance: Pick<AssistanceService, 'board' | 'workspace'>;
  indicators: Pick<IndicatorsService, 'definitions' | 'approvals'>;
  clock?: Clock;
}

/** Months of department data the workbench asks for: this month and the two before (a display window). */
export const FEED_DUE_MONTHS = 3;
/** Pending reviews counted at most (the review list shows them page by page). */
const REVIEW_COUNT_CAP = 1000;

const KIND_ZH = { identification: '识别认定', elimination: '风险消除' } as const;
const KIND_EN = { identification: 'Identifications', elimination: 'Eliminations' } as const;
// English stage names as the web shows them (web/src/i18n/workflowLabels.ts CASE_STAGE_EN).
const STAGE_EN: Record<string, string> = {
  verification: 'home visit',
  comparison: 'data comparison',
  villageReview: 'village appraisal',
  publicNotice: 'village notice',
  townshipReview: 'township review',
  countyApproval: 'county approval',
  announcement: 'announcement',
};
const SEVERITY_ORDER: Record<WorkbenchSeverity, number> = { overdue: 0, near: 1, normal: 2 };

function levelOf(scopePrefix: string): OrgLevel {
  return scopePrefix.length >= 12 ? 'village' : scopePrefix.length >= 9 ? 'township' : 'county';
}

/** The last day a form of `period` may be entered: period end + the data set's open days. */
function entryCloses(period: string, openDays: number): string {
  const end =
    period.length === 4
      ? `${period}-12-31`
      : `${period}-${String(daysInMonth(parsePeriod(period).year, parsePeriod(period).month)).padStart(2, '0')}`;
  return new Date(Date.parse(`${end}T00:00:00Z`) + openDays * 86_400_000).toISOString().slice(0, 10);
}

export function createWorkbenchService(deps: WorkbenchDeps) {
  const { db, caseReports, review, registry, assistance, indicators } = deps;
  const clock = deps.clock ?? systemClock;

  async function casesItems(ctx: RequestContext): Promise<WorkbenchItem[]> {
    const role = ctx.actor.role;
    if (!can(role, 'cases:read')) return [];
    const items: WorkbenchItem[] = [];
    const due = await caseReports.due(ctx);
    const overdue = due.groups.reduce((n, g) => n + g.overdue, 0);
    const near = due.groups.reduce((n, g) => n + g.nearDue, 0);
    items.push({
      kind: 'casesOverdue',
      labelZh: '识别认定超期',
      labelEn: 'Identifications overdue',
      count: overdue,
      severity: 'overdue',
      link: '/cases/due',
      hintZh: `超过 ${due.limitDays} 天时限未审定，请催办`,
      hintEn: `Past the ${due.limitDays}-day limit without a decision`,
    });
    items.push({
      kind: 'casesNearDue',
      labelZh: '识别认定临期',
      labelEn: 'Identifications near due',
      count: near,
      severity: 'near',
      link: '/cases/due',
      hintZh: `${due.limitDays} 天时限将到，请尽快办理`,
      hintEn: `The ${due.limitDays}-day limit is close`,
    });
    const z = await caseReports.zeroing(ctx);
    if (can(role, 'cases:act'))
      for (const [key, n] of Object.entries(z.total.byStage)) {
        const [kind, stage] = key.split('.') as ['identification' | 'elimination', Stage];
        const actors = STAGE_ACTORS[stage as keyof typeof STAGE_ACTORS];
        if (!actors?.roles.includes(role)) continue;
        items.push({
          kind: 'casesAtMyStage',
          labelZh: `${KIND_ZH[kind]}待${STAGE_LABELS[stage]}`,
          labelEn: `${KIND_EN[kind]} at ${STAGE_EN[stage] ?? stage}`,
          count: n,
          severity: 'normal',
          link: `/cases?kind=${kind}&stage=${stage}`,
          hintZh: `轮到本级办理“${STAGE_LABELS[stage]}”`,
          hintEn: `Your level acts at this stage`,
        });
      }
    if (can(role, 'clues:read'))
      items.push({
        kind: 'cluesToVerify',
        labelZh: '线索待核实',
        labelEn: 'Clues to verify',
        count: z.total.openCluesWithoutCase,
        severity: z.total.clueAge.over15 > 0 ? 'overdue' : z.total.clueAge.d8to15 > 0 ? 'near' : 'normal',
        link: '/monitoring/clues',
        hintZh:
          z.total.clueAge.over15 > 0
            ? `其中 ${z.total.clueAge.over15} 条已超过 ${z.limitDays} 天，请发起识别或核实后关闭`
            : '请入户核实，发起识别认定或说明理由后关闭',
        hintEn:
          z.total.clueAge.over15 > 0
            ? `${z.total.clueAge.over15} older than ${z.limitDays} days: start an identification or close with a reason`
            : 'Verify: start an identification or close with a reason',
      });
    if (can(role, 'cases:start') && can(role, 'registry:read')) {
      // 原则上纳入监测不少于半年: N from the parameter; the count is the registry list's total at that filter.
      const params = await resolveAll(db, countyOfActor(ctx), periodOf(todayInChina(clock())));
      const months = numberParam(params, 'workflow.minMonthsBeforeElimination');
      const found = await registry.search(
        ctx,
        householdSearchQuery.parse({ monitoringStatus: 'monitored', monitoredMonths: months, pageSize: 1 }),
      );
      items.push({
        kind: 'eliminationsDue',
        labelZh: `监测满${months}个月的户`,
        labelEn: `Monitored ${months} months or more`,
        count: found.total,
        severity: 'normal',
        link: `/registry?monitoringStatus=monitored&monitoredMonths=${months}`,
        hintZh: '可对照标准评估风险消除',
        hintEn: 'Check them against the elimination criteria',
      });
    }
    return items;
  }

  async function registryItems(ctx: RequestContext): Promise<WorkbenchItem[]> {
    if (!can(ctx.actor.role, 'registry:review')) return [];
    const pending = await review.pending(ctx, REVIEW_COUNT_CAP);
    return [
      {
        kind: 'reviewsPending',
        labelZh: '档案修改待审核',
        labelEn: 'Registry edits to review',
        count: pending.length,
        severity: 'near',
        link: '/registry/reviews',
        hintZh: '村级修改已生效，请乡镇审核确认或退回',
        hintEn: 'Village edits are applied and wait for review',
      },
    ];
  }

  async function assistanceItems(ctx: RequestContext, today: string): Promise<WorkbenchItem[]> {
    const role = ctx.actor.role;
    if (!can(role, 'assistance:read')) return [];
    if (role === 'cadre') {
      const w = await assistance.workspace(ctx);
      const visitsDue = w.households.filter((h) => h.visitDue);
      return [
        {
          kind: 'visitsDue',
          labelZh: '应走访的结对户',
          labelEn: 'Paired households to visit',
          count: visitsDue.length,
          severity: visitsDue.some((h) => h.visitDueOn < today) ? 'overdue' : 'near',
          link: '/assistance/workspace',
          hintZh: `每 ${w.visitIntervalDays} 天至少走访一次`,
          hintEn: `Visit at least every ${w.visitIntervalDays} days`,
        },
        {
          kind: 'obligationsMissed',
          labelZh: '帮扶措施未落实的结对户',
          labelEn: 'Paired households with measures missing',
          count: w.households.filter((h) => h.obligations.length > 0).length,
          severity: 'overdue',
          link: '/assistance/workspace',
          hintZh: '请与村里落实帮扶措施',
          hintEn: 'Put the missing measures in place',
        },
        {
          kind: 'pairedHouseholds',
          labelZh: '我的结对户',
          labelEn: 'My paired households',
          count: w.households.length,
          severity: 'normal',
          link: '/assistance/workspace',
          hintZh: '查看结对户卡片，记录走访',
          hintEn: 'Open the household cards, record visits',
        },
      ];
    }
    const items: WorkbenchItem[] = [];
    const board = await assistance.board(ctx, { limit: 1 });
    items.push({
      kind: 'obligationsMissed',
      labelZh: '帮扶措施未按时落实的户',
      labelEn: 'Households with measures overdue',
      count: board.townships.reduce((n, t) => n + t.total, 0),
      severity: 'overdue',
      link: '/assistance/obligations',
      hintZh: '识别后应在规定月数内落实帮扶措施',
      hintEn: 'Measures are due within the set months after identification',
    });
    if (can(role, 'pairing:manage'))
      items.push({
        kind: 'unpairedMonitored',
        labelZh: '未结对的监测户',
        labelEn: 'Monitored households without a cadre',
        count: await unpairedMonitoredCount(db, ctx),
        severity: 'overdue',
        link: '/assistance/pairings?unpaired=1',
        hintZh: '县乡干部与监测对象结对帮扶，请安排帮扶干部',
        hintEn: 'Pair a cadre with each monitored household',
      });
    return items;
  }

  async function indicatorItems(ctx: RequestContext, today: string): Promise<WorkbenchItem[]> {
    const role = ctx.actor.role;
    const enter = can(role, 'indicators:enter');
    const approve = can(role, 'indicators:approve');
    if (!enter && !approve) return [];
    const level = levelOf(ctx.actor.scopePrefix);
    const { dataSets } = await indicators.definitions(ctx);
    const items: WorkbenchItem[] = [];
    for (const ds of dataSets) {
      // The period that ended last: last month, or last year for yearly sets.
      const month = addMonths(periodOf(today), -1);
      const period = ds.periodType === 'yearly' ? String(Number(today.slice(0, 4)) - 1) : month;
      const fills = enter && level === ds.entryLevel;
      if (!fills && !(approve && level !== 'village')) continue;
      const rows = await indicators.approvals(ctx, { dataSet: ds.code, period });
      if (fills) {
        const open = rows.filter((r) => r.status === 'open');
        const closes = ds.openDays == null ? null : entryCloses(period, ds.openDays);
        items.push({
          kind: 'indicatorsToFill',
          labelZh: `待填报：${ds.nameZh}（${period}）`,
          labelEn: `To fill: ${ds.nameEn} (${period})`,
          count: open.length,
          severity: closes === null ? 'normal' : today > closes ? 'overdue' : 'near',
          link: `/indicators/entry?dataSet=${ds.code}&period=${period}${open.length === 1 ? `&org=${open[0].orgCode}` : ''}`,
          hintZh: closes ? `填报截止 ${closes}，填完后上报` : '填完后上报',
          hintEn: closes ? `Entry closes ${closes}; submit when complete` : 'Submit when complete',
        });
      } else {
        const waiting = rows.filter((r) =>
          level === 'township'
            ? r.level === 'village' && r.status === 'submitted'
            : r.level === 'village'
              ? r.status === 'approvedTownship'
              : r.status === 'submitted',
        );
        items.push({
          kind: 'indicatorsToApprove',
          labelZh: `待审核：${ds.nameZh}（${period}）`,
          labelEn: `To approve: ${ds.nameEn} (${period})`,
          count: waiting.length,
          severity: 'near',
          link: `/indicators/approvals?dataSet=${ds.code}&period=${period}`,
          hintZh: level === 'township' ? '村级已上报，请乡镇审核' : '乡镇已审核，请县级审定',
          hintEn: level === 'township' ? 'Villages submitted; review them' : 'Townships approved; decide',
        });
      }
    }
    return items;
  }

  async function feedItems(ctx: RequestContext, today: string): Promise<WorkbenchItem[]> {
    if (ctx.actor.role !== 'department') return [];
    const thisMonth = periodOf(today);
    const months = Array.from({ length: FEED_DUE_MONTHS }, (_, i) => addMonths(thisMonth, -i));
    const due = await monthsWithoutBatch(db, ctx, months);
    if (!due) return [];
    const late = due.missing.filter((m) => m < thisMonth);
    return [
      {
        kind: 'feedsToSend',
        labelZh: `待报送：${due.sourceZh}比对数据`,
        labelEn: `Department data to send (${due.source})`,
        count: due.missing.length,
        severity: late.length > 0 ? 'overdue' : 'near',
        link: '/monitoring/feeds',
        hintZh: `未报送月份：${due.missing.join('、')}（每月报送一次）`,
        hintEn: `Months without a batch: ${due.missing.join(', ')} (monthly)`,
      },
    ];
  }

  async function projectItems(ctx: RequestContext): Promise<WorkbenchItem[]> {
    const role = ctx.actor.role;
    if (!can(role, 'projects:read') || !can(role, 'projects:write')) return [];
    return [
      {
        kind: 'projectsWaiting',
        labelZh: '项目库待办理',
        labelEn: 'Projects waiting for you',
        count: await projectsWaitingCount(db, ctx),
        severity: 'normal',
        link: '/projects?mine=1',
        hintZh: '申报、审核、审定或公示轮到本级办理',
        hintEn: 'A declaration, review, approval or notice step is yours',
      },
    ];
  }

  /** The workbench of the signed-in user: items with a count, most urgent first. */
  async function get(ctx: RequestContext): Promise<WorkbenchResponse> {
    const asOf = todayInChina(clock());
    const all = [
      ...(await casesItems(ctx)),
      ...(await registryItems(ctx)),
      ...(await assistanceItems(ctx, asOf)),
      ...(await indicatorItems(ctx, asOf)),
      ...(await feedItems(ctx, asOf)),
      ...(await projectItems(ctx)),
    ];
    const items = all
      .map((item, i) => ({ item, i }))
      .filter(({ item }) => item.count > 0)
      .sort((a, b) => SEVERITY_ORDER[a.item.severity] - SEVERITY_ORDER[b.item.severity] || a.i - b.i)
      .map(({ item }) => item);
    return { asOf, items };
  }

  return { get };
}

export type WorkbenchService = ReturnType<typeof createWorkbenchService>;
