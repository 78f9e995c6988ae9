import { sql } from 'drizzle-orm';
import { LABOUR_CAPABLE_SKILLS } from '#common/domain/registry/codes.ts';
import { constEvidence, eventList, feedIs, textArray, defineRule } from './types.ts';

// 主要劳动力死亡: the civil-affairs bureau reported the death (民政 死亡), in the data window, of a
// person who was a member of the household on that date (the registry may already have ended the
// membership) and whom the registry records as labour (技能/普通/弱或半劳动力, LABOUR_CAPABLE_SKILLS).

const PARAMS = ['monitoring.lookbackMonths'] as const;
const death = sql`(${feedIs('civil', 'death')} AND fe.labour_skill = ANY(${textArray(LABOUR_CAPABLE_SKILLS)}))`;

export const labourerDeath = defineRule({
  code: 'LABOURER_DEATH',
  nameZh: '主要劳动力死亡',
  nameEn: 'Death of a main labourer',
  category: 'LABOURER_DEATH',
  riskType: 'lackOfLabour',
  appliesTo: 'all',
  params: PARAMS,
  feeds: [{ source: 'civil', item: 'death', window: 'lookback', members: 'atEventDate' }],
  feedAggregates: () => ({
    death_labourers: sql`jsonb_agg(jsonb_build_object('personId', fe.person_id, 'on', fe.occurred_on, 'labourSkill', fe.labour_skill)
) FILTER (WHERE ${death})`,
  }),
  when: () => sql`f.death_labourers IS NOT NULL`,
  evidence: (ctx) =>
    sql`${constEvidence(ctx, PARAMS)} || jsonb_build_object('deceasedLabourers', ${eventList(sql`f.death_labourers`)})`,
});
