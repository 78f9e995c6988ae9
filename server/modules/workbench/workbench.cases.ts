import type { WorkbenchItem } from '#common/contracts/workbench.ts';
import { householdSearchQuery } from '#common/contracts/registry.ts';
import { STAGE_ACTORS, STAGE_LABELS, type Stage } from '#common/domain/cases/workflow.ts';
import { periodOf } from '#common/domain/period.ts';
import { can } from '#common/domain/roles.ts';
import { todayInChina } from '#server/lib/clock.ts';
import type { RequestContext } from '#server/lib/context.ts';
import { countyOfActor } from '#server/lib/county.ts';
import { numberParam, resolveAll } from '../params/index.ts';
import type { WorkbenchUseCaseDeps } from './workbench.shared.ts';

// The workbench's case items: time limits (超期, 临期), cases at the user's stage, clues to verify, households
// monitored long enough to assess for elimination.

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

type Zeroing = Awaited<ReturnType<WorkbenchUseCaseDeps['caseReports']['zeroing']>>;

async function dueItems({ caseReports }: WorkbenchUseCaseDeps, ctx: RequestContext): Promise<WorkbenchItem[]> {
  const due = await caseReports.due(ctx);
  const overdue = due.groups.reduce((n, g) => n + g.overdue, 0);
  const near = due.groups.reduce((n, g) => n + g.nearDue, 0);
  return [
    {
      kind: 'casesOverdue',
      labelZh: '识别认定超期',
      labelEn: 'Identifications overdue',
      count: overdue,
      severity: 'overdue',
      link: '/cases/due',
      hintZh: `超过 ${due.limitDays} 天时限未审定，请催办`,
      hintEn: `Past the ${due.limitDays}-day limit without a decision`,
    },
    {
      kind: 'casesNearDue',
      labelZh: '识别认定临期',
      labelEn: 'Identifications near due',
      count: near,
      severity: 'near',
      link: '/cases/due',
      hintZh: `${due.limitDays} 天时限将到，请尽快办理`,
      hintEn: `The ${due.limitDays}-day limit is close`,
    },
  ];
}

/** The cases waiting at a stage the user's role acts at. */
function stageItems(ctx: RequestContext, z: Zeroing): WorkbenchItem[] {
  const role = ctx.actor.role;
  const items: WorkbenchItem[] = [];
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
  return items;
}

function clueItem(z: Zeroing): WorkbenchItem {
  const over15 = z.total.clueAge.over15;
  return {
    kind: 'cluesToVerify',
    labelZh: '线索待核实',
    labelEn: 'Clues to verify',
    count: z.total.openCluesWithoutCase,
    severity: over15 > 0 ? 'overdue' : z.total.clueAge.d8to15 > 0 ? 'near' : 'normal',
    link: '/monitoring/clues',
    hintZh:
      over15 > 0
        ? `其中 ${over15} 条已超过 ${z.limitDays} 天，请发起识别或核实后关闭`
        : '请入户核实，发起识别认定或说明理由后关闭',
    hintEn:
      over15 > 0
        ? `${over15} older than ${z.limitDays} days: start an identification or close with a reason`
        : 'Verify: start an identification or close with a reason',
  };
}

/** 原则上纳入监测不少于半年: N from the parameter; the count is the registry list's total at that filter. */
async function eliminationItem(d: WorkbenchUseCaseDeps, ctx: RequestContext): Promise<WorkbenchItem> {
  const params = await resolveAll(d.db, countyOfActor(ctx), periodOf(todayInChina(d.clock())));
  const months = numberParam(params, 'workflow.minMonthsBeforeElimination');
  const found = await d.registry.search(
    ctx,
    householdSearchQuery.parse({ monitoringStatus: 'monitored', monitoredMonths: months, pageSize: 1 }),
  );
  return {
    kind: 'eliminationsDue',
    labelZh: `监测满${months}个月的户`,
    labelEn: `Monitored ${months} months or more`,
    count: found.total,
    severity: 'normal',
    link: `/registry?monitoringStatus=monitored&monitoredMonths=${months}`,
    hintZh: '可对照标准评估风险消除',
    hintEn: 'Check them against the elimination criteria',
  };
}

export async function casesItems(d: WorkbenchUseCaseDeps, ctx: RequestContext): Promise<WorkbenchItem[]> {
  const role = ctx.actor.role;
  if (!can(role, 'cases:read')) return [];
  const items = await dueItems(d, ctx);
  const z = await d.caseReports.zeroing(ctx);
  if (can(role, 'cases:act')) items.push(...stageItems(ctx, z));
  if (can(role, 'clues:read')) items.push(clueItem(z));
  if (can(role, 'cases:start') && can(role, 'registry:read')) items.push(await eliminationItem(d, ctx));
  return items;
}
