import type { WorkbenchItem } from '#common/contracts/workbench.ts';
import { addMonths, periodOf } from '#common/domain/period.ts';
import { can, type OrgLevel } from '#common/domain/roles.ts';
import type { RequestContext } from '#server/lib/context.ts';
import { entryCloses, levelOf, type WorkbenchUseCaseDeps } from './workbench.shared.ts';

// The workbench's indicator items: the forms of the period that ended last to fill at the user's level, or to
// approve from the level below.

type DataSet = Awaited<ReturnType<WorkbenchUseCaseDeps['indicators']['definitions']>>['dataSets'][number];
type ApprovalRow = Awaited<ReturnType<WorkbenchUseCaseDeps['indicators']['approvals']>>[number];

function fillItem(ds: DataSet, period: string, rows: readonly ApprovalRow[], today: string): WorkbenchItem {
  const open = rows.filter((r) => r.status === 'open');
  const closes = ds.openDays == null ? null : entryCloses(period, ds.openDays);
  return {
    kind: 'indicatorsToFill',
    labelZh: `待填报：${ds.nameZh}（${period}）`,
    labelEn: `To fill: ${ds.nameEn} (${period})`,
    count: open.length,
    severity: closes === null ? 'normal' : today > closes ? 'overdue' : 'near',
    link: `/indicators/entry?dataSet=${ds.code}&period=${period}${open.length === 1 ? `&org=${open[0].orgCode}` : ''}`,
    hintZh: closes ? `填报截止 ${closes}，填完后上报` : '填完后上报',
    hintEn: closes ? `Entry closes ${closes}; submit when complete` : 'Submit when complete',
  };
}

function approveItem(ds: DataSet, period: string, rows: readonly ApprovalRow[], level: OrgLevel): WorkbenchItem {
  const waiting = rows.filter((r) =>
    level === 'township'
      ? r.level === 'village' && r.status === 'submitted'
      : r.level === 'village'
        ? r.status === 'approvedTownship'
        : r.status === 'submitted',
  );
  return {
    kind: 'indicatorsToApprove',
    labelZh: `待审核：${ds.nameZh}（${period}）`,
    labelEn: `To approve: ${ds.nameEn} (${period})`,
    count: waiting.length,
    severity: 'near',
    link: `/indicators/approvals?dataSet=${ds.code}&period=${period}`,
    hintZh: level === 'township' ? '村级已上报，请乡镇审核' : '乡镇已审核，请县级审定',
    hintEn: level === 'township' ? 'Villages submitted; review them' : 'Townships approved; decide',
  };
}

export async function indicatorItems(
  { indicators }: WorkbenchUseCaseDeps,
  ctx: RequestContext,
  today: string,
): Promise<WorkbenchItem[]> {
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
    items.push(fills ? fillItem(ds, period, rows, today) : approveItem(ds, period, rows, level));
  }
  return items;
}
