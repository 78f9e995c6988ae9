import { sql, type SQL } from 'drizzle-orm';
import { DISABILITY_CATEGORIES, DISABILITY_GRADES, isSevereDisability } from '#common/domain/registry/codes.ts';
import { attr, constEvidence, eventList, feedIs, textArray, defineRule } from './types.ts';

// 新增重度残疾: the disabled persons' federation reported 新增残疾 for an active member in the data
// window, and the disability is severe as isSevereDisability defines it (一级/二级, or 三级 智力/精神).
// The SQL predicate is derived from that function, so there is one definition of "severe".

const PARAMS = ['monitoring.lookbackMonths'] as const;
const reported = feedIs('disability', 'newDisability');

function severePredicate(): SQL {
  const always = DISABILITY_GRADES.filter((g) => isSevereDisability(null, g.code)).map((g) => g.code);
  const pairs = DISABILITY_GRADES.filter((g) => !always.includes(g.code)).flatMap((g) =>
    DISABILITY_CATEGORIES.filter((c) => isSevereDisability(c.code, g.code)).map((c) => sql`(${g.code}, ${c.code})`),
  );
  const grade = attr('disabilityGrade');
  const byPair =
    pairs.length > 0 ? sql` OR (${grade}, ${attr('disabilityCategory')}) IN (${sql.join(pairs, sql`, `)})` : sql``;
  return sql`(${grade} = ANY(${textArray(always)})${byPair})`;
}

const severe = sql`(${reported} AND ${severePredicate()})`;

export const newDisability = defineRule({
  code: 'NEW_DISABILITY',
  nameZh: '新增重度残疾',
  nameEn: 'New severe disability',
  category: 'NEW_DISABILITY',
  riskType: 'disability',
  appliesTo: 'all',
  params: PARAMS,
  feeds: [{ source: 'disability', item: 'newDisability', window: 'lookback' }],
  feedAggregates: () => ({
    dis_new_severe: sql`jsonb_agg(jsonb_build_object('personId', fe.person_id, 'on', fe.occurred_on, 'category', ${attr('disabilityCategory')},
      'grade', ${attr('disabilityGrade')})) FILTER (WHERE ${severe})`,
  }),
  when: () => sql`f.dis_new_severe IS NOT NULL`,
  evidence: (ctx) =>
    sql`${constEvidence(ctx, PARAMS)} || jsonb_build_object('newSevereDisabilities', ${eventList(sql`f.dis_new_severe`)})`,
});
