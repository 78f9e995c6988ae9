import type { WorkbenchItem, WorkbenchResponse } from '#common/contracts/workbench.ts';
import { addMonths, periodOf } from '#common/domain/period.ts';
import { can } from '#common/domain/roles.ts';
import { todayInChina } from '#server/lib/clock.ts';
import type { RequestContext } from '#server/lib/context.ts';
import { monthsWithoutBatch } from '../feeds/index.ts';
import { projectsWaitingCount } from '../projects/index.ts';
import { assistanceItems } from './workbench.assistance.ts';
import { casesItems } from './workbench.cases.ts';
import { indicatorItems } from './workbench.indicators.ts';
import { FEED_DUE_MONTHS, SEVERITY_ORDER, type WorkbenchUseCaseDeps } from './workbench.shared.ts';

// The workbench of the signed-in user: the registry's reviews, the department's feeds and the projects waiting, with
// the case, assistance and indicator items, most urgent first.

/** Pending reviews counted at most (the review list shows them page by page). */
const REVIEW_COUNT_CAP = 1000;

async function registryItems({ review }: WorkbenchUseCaseDeps, ctx: RequestContext): Promise<WorkbenchItem[]> {
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

async function feedItems({ db }: WorkbenchUseCaseDeps, ctx: RequestContext, today: string): Promise<WorkbenchItem[]> {
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

async function projectItems({ db }: WorkbenchUseCaseDeps, ctx: RequestContext): Promise<WorkbenchItem[]> {
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
export async function get(d: WorkbenchUseCaseDeps, ctx: RequestContext): Promise<WorkbenchResponse> {
  const asOf = todayInChina(d.clock());
  const all = [
    ...(await casesItems(d, ctx)),
    ...(await registryItems(d, ctx)),
    ...(await assistanceItems(d, ctx, asOf)),
    ...(await indicatorItems(d, ctx, asOf)),
    ...(await feedItems(d, ctx, asOf)),
    ...(await projectItems(d, ctx)),
  ];
  const items = all
    .map((item, i) => ({ item, i }))
    .filter(({ item }) => item.count > 0)
    .sort((a, b) => SEVERITY_ORDER[a.item.severity] - SEVERITY_ORDER[b.item.severity] || a.i - b.i)
    .map(({ item }) => item);
  return { asOf, items };
}
