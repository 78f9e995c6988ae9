import { sql } from 'drizzle-orm';
import { queryRows } from '#server/db/connect.ts';
import type { Db } from '#server/db/connect.ts';
import { systemContext } from '#server/lib/context.ts';
import type { AssistanceService } from './assistance.service.ts';
import type { ReliefService } from './relief.service.ts';

// Demo data for `npm start`: the demo cadre paired with a few monitored households of 龙港镇, some
// measures (so the board shows both cleared and overdue households), and the county emergency fund
// with income, one paid and one waiting application. Deterministic (households by id) and run once.

const TOWNSHIP = '140521100';

export async function loadAssistanceDemo(
  services: { db: Db; assistance: AssistanceService; relief: ReliefService },
  log: (line: string) => void = () => {},
): Promise<void> {
  const { db, assistance, relief } = services;
  const ctx = systemContext('demo');
  const [{ n }] = await queryRows<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM cadre_pairing`);
  if (n > 0) return;
  const [cadre] = await queryRows<{ id: number }>(db, sql`SELECT id FROM app_user WHERE username = 'cadre'`);
  // The demo county has few monitored households per township: the cadre's are 龙港镇's monitored
  // households first, then 脱贫户 (paired "where assigned"); measures go on half the county's monitored.
  const households = await queryRows<{ id: number; risk_types: string[]; identification_period: string | null }>(
    db,
    sql`SELECT id, risk_types, identification_period FROM household
      WHERE village_code LIKE ${TOWNSHIP + '%'} AND closed_on IS NULL AND (monitoring_status = 'monitored' OR kind = 'alleviated')
      ORDER BY (monitoring_status = 'monitored') DESC, id LIMIT 5`,
  );
  const monitored = await queryRows<{ id: number; risk_types: string[]; identification_period: string | null }>(
    db,
    sql`SELECT id, risk_types, identification_period FROM household
      WHERE monitoring_status = 'monitored' AND closed_on IS NULL AND cardinality(risk_types) > 0 ORDER BY id`,
  );
  if (!cadre || households.length === 0) return;
  const start = (p: string | null, day: string) => `${p ?? '2025-01'}-${day}`;
  for (const [i, h] of households.entries()) {
    await assistance.pair(ctx, {
      householdId: Number(h.id),
      cadreUserId: cadre.id,
      unit: i % 2 ? '龙港镇人民政府' : '县乡村振兴局',
      phone: null,
      startOn: start(h.identification_period, '05'),
      reason: null,
    });
  }
  const measured = monitored.filter((_, i) => i % 2 === 0);
  for (const [i, h] of measured.entries()) {
    const employment = i % 3 === 0;
    await assistance.createMeasure(ctx, {
      householdId: Number(h.id),
      riskType: h.risk_types[0],
      category: employment ? 'employment' : 'health',
      subType: employment ? 'labourExport' : 'medicalPremiumSubsidy',
      department: employment ? '县人社局' : '县医保局',
      startOn: start(h.identification_period, '20'),
      endOn: null,
      amountFen: employment ? 200_000 : 38_000,
      status: 'ongoing',
      evidence: [{ name: employment ? '劳务输出登记表' : '参保缴费凭证' }],
      attachmentIds: [],
      note: null,
    });
  }
  const fund = await relief.createFund(ctx, { orgCode: '140521000000', name: '沁水县应急救助基金', kind: 'emergency' });
  await relief.income(ctx, fund.id, {
    amountFen: 50_000_000,
    source: '县财政拨款',
    occurredOn: '2025-01-10',
    note: null,
  });
  await relief.income(ctx, fund.id, {
    amountFen: 5_000_000,
    source: '社会捐赠',
    occurredOn: '2025-03-02',
    note: '爱心企业捐赠',
  });
  const first = await relief.apply(ctx, {
    fundId: fund.id,
    householdId: Number(households[0].id),
    reliefKind: 'emergency',
    eventType: 'accident',
    reason: '家中突发火灾，房屋及口粮受损',
    requestedFen: 300_000,
    appliedOn: '2025-04-02',
  });
  await relief.decide(ctx, first.id, { decision: 'approve', approvedFen: 300_000, note: null });
  await relief.disburse(ctx, first.id, { occurredOn: '2025-04-05' });
  if (households[1])
    await relief.apply(ctx, {
      fundId: fund.id,
      householdId: Number(households[1].id),
      reliefKind: 'temporary',
      eventType: 'illness',
      reason: '户主突发重病住院，家庭生活暂时困难',
      requestedFen: 200_000,
      appliedOn: '2025-05-12',
    });
  log(`帮扶演示数据 / assistance demo: ${households.length} 户结对，${measured.length} 条措施，应急救助基金 1 个`);
}
