import { sql } from 'drizzle-orm';
import { constEvidence, feedIs, defineRule } from './types.ts';

// 饮水安全问题: the registry says the water is not safe (household.water_safe = false; unknown is
// not a warning), or the water bureau reported 饮水不安全 for an active member in the data window.

const PARAMS = ['monitoring.lookbackMonths'] as const;
const unsafe = feedIs('water', 'unsafeWater');

export const waterUnsafe = defineRule({
  code: 'WATER_UNSAFE',
  nameZh: '饮水安全问题',
  nameEn: 'Unsafe drinking water',
  category: 'WATER_UNSAFE',
  riskType: 'unsafeWater',
  appliesTo: 'all',
  params: PARAMS,
  feeds: [{ source: 'water', item: 'unsafeWater', window: 'lookback' }],
  feedAggregates: () => ({ water_unsafe_n: sql`count(*) FILTER (WHERE ${unsafe})` }),
  when: () => sql`(f.water_safe IS FALSE OR f.water_unsafe_n > 0)`,
  evidence: (ctx) =>
    sql`${constEvidence(ctx, PARAMS)} || jsonb_build_object('registryWaterSafe', f.water_safe, 'unsafeWaterRecords', coalesce(f.water_unsafe_n, 0))`,
});
