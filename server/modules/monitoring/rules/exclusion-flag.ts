import { sql } from 'drizzle-orm';
import { constEvidence, eventList, feedIs, defineRule } from './types.ts';

// 财政供养/企业/车辆等核查提示: an active member is on the finance bureau's public payroll (财政供养人员),
// has a registered company (企业登记) or a registered vehicle (车辆登记). These are states rather than
// events, so every record up to the end of the period counts, not only the data window.
// Never a rejection (应纳尽纳, policy-rules §2 exclusion rules [P]): a flag asking for a written reason
// before identification proceeds. No risk type.

const kinds = sql`(${feedIs('finance', 'publicPayroll')} OR ${feedIs('market', 'company')} OR ${feedIs('police', 'vehicle')})`;

export const exclusionFlag = defineRule({
  code: 'EXCLUSION_FLAG',
  nameZh: '财政供养/企业/车辆等核查提示',
  nameEn: 'Check flag: public payroll, company or vehicle',
  category: 'EXCLUSION_FLAG',
  riskType: null,
  appliesTo: 'all',
  params: [],
  feeds: [
    { source: 'finance', item: 'publicPayroll', window: 'toDate' },
    { source: 'market', item: 'company', window: 'toDate' },
    { source: 'police', item: 'vehicle', window: 'toDate' },
  ],
  feedAggregates: () => ({
    exclusion_records: sql`jsonb_agg(jsonb_build_object('item', fe.item, 'personId', fe.person_id, 'on', fe.occurred_on, 'attrs', fe.attrs)
) FILTER (WHERE ${kinds})`,
  }),
  when: () => sql`f.exclusion_records IS NOT NULL`,
  evidence: (ctx) =>
    sql`${constEvidence(ctx, [], { needsWrittenReason: true, noteZh: '核查提示，不作否决；继续办理须填写书面说明' })} || jsonb_build_object('records', ${eventList(sql`f.exclusion_records`)})`,
});
