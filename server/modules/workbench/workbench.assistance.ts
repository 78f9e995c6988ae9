import type { WorkbenchItem } from '#common/contracts/workbench.ts';
import { can } from '#common/domain/roles.ts';
import type { RequestContext } from '#server/lib/context.ts';
import { unpairedMonitoredCount } from '../assistance/index.ts';
import type { WorkbenchUseCaseDeps } from './workbench.shared.ts';

// The workbench's assistance items: a cadre's paired households (visits due, measures missing); for the others the
// obligations board and, for those who pair, the monitored households without a cadre.

async function cadreItems(d: WorkbenchUseCaseDeps, ctx: RequestContext, today: string): Promise<WorkbenchItem[]> {
  const w = await d.assistance.workspace(ctx);
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

export async function assistanceItems(
  d: WorkbenchUseCaseDeps,
  ctx: RequestContext,
  today: string,
): Promise<WorkbenchItem[]> {
  const role = ctx.actor.role;
  if (!can(role, 'assistance:read')) return [];
  if (role === 'cadre') return cadreItems(d, ctx, today);
  const items: WorkbenchItem[] = [];
  const board = await d.assistance.board(ctx, { limit: 1 });
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
      count: await unpairedMonitoredCount(d.db, ctx),
      severity: 'overdue',
      link: '/assistance/pairings?unpaired=1',
      hintZh: '县乡干部与监测对象结对帮扶，请安排帮扶干部',
      hintEn: 'Pair a cadre with each monitored household',
    });
  return items;
}
