import type { LeafValue } from '#common/domain/indicators/rollup.ts';
import type { Db } from '#server/db/connect.ts';
import { todayInChina } from '#server/lib/clock.ts';
import { systemContext } from '#server/lib/context.ts';
import { createSocialAssistanceService } from './social-assistance.service.ts';

// The indicators' computed source `social.uncovered` (兜底保障应保未保户数 on the cockpit): per village, the monitored
// households without labour that the rule (common/domain/social-assistance) finds not covered — the 应保未保 list,
// counted. The registry keeps no monthly history of labour and benefits, so only the current China month has a value;
// earlier months read as "no data" rather than today's figure.

export async function socialIndicatorsProvider(
  db: Db,
  countyCode: string,
  periods: readonly string[],
): Promise<LeafValue[]> {
  const month = todayInChina().slice(0, 7);
  if (!periods.includes(month)) return [];
  const rows = await createSocialAssistanceService(db).uncoveredAll(systemContext('indicators'), countyCode);
  const counts = new Map<string, number>();
  for (const r of rows) counts.set(r.villageCode, (counts.get(r.villageCode) ?? 0) + 1);
  return [...counts].map(([orgCode, value]) => ({ orgCode, element: 'social.uncovered', period: month, value }));
}
