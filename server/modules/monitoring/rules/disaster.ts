import { sql } from 'drizzle-orm';
import { attr, constEvidence, feedIs, numberOf, defineRule } from './types.ts';

// 遭受自然灾害: the emergency-management bureau reported 受灾 for an active member in the data window,
// and the household's summed loss is ≥ disaster.lossFen (0 by default: every reported disaster is a
// warning, in line with 应纳尽纳; a record without an amount counts as a loss of 0).

const PARAMS = ['disaster.lossFen', 'monitoring.lookbackMonths'] as const;
const disaster = feedIs('emergency', 'disaster');

export const disasterRule = defineRule({
  code: 'DISASTER',
  nameZh: '遭受自然灾害',
  nameEn: 'Natural disaster loss',
  category: 'DISASTER',
  riskType: 'naturalDisaster',
  appliesTo: 'all',
  params: PARAMS,
  feeds: [{ source: 'emergency', item: 'disaster', window: 'lookback' }],
  feedAggregates: () => ({
    disaster_n: sql`count(*) FILTER (WHERE ${disaster})`,
    disaster_loss_fen: sql`sum(coalesce(fe.amount_fen, 0)) FILTER (WHERE ${disaster})`,
    disaster_types: sql`array_agg(${attr('disasterType')}) FILTER (WHERE ${disaster} AND ${attr('disasterType')} IS NOT NULL)`,
  }),
  when: (ctx) => sql`(f.disaster_n > 0 AND f.disaster_loss_fen >= ${numberOf(ctx, 'disaster.lossFen')}::bigint)`,
  evidence: (ctx) =>
    sql`${constEvidence(ctx, PARAMS, { thresholdFen: numberOf(ctx, 'disaster.lossFen') })} || jsonb_build_object('records', f.disaster_n, 'lossFen', f.disaster_loss_fen,
      'disasterTypes', (SELECT coalesce(jsonb_agg(DISTINCT t), '[]'::jsonb) FROM unnest(f.disaster_types) t))`,
});
