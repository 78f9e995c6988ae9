import { sql } from 'drizzle-orm';
import type { Services } from '#server/app.ts';
import { queryRows } from '#server/db/connect.ts';
import { todayInChina } from '#server/lib/clock.ts';
import type { RequestContext } from '#server/lib/context.ts';

// A few cases in 龙港镇 so the case list, the time-limit list and the board look alive after `npm start`,
// each waiting where a demo user acts (issue #16 point 2): one on its public notice in 东庄村 (the village
// officer ends it), one waiting for the township's comparison, one past the 15-day limit also at the
// comparison, and (if a monitored household is there) one elimination waiting for 乡镇审核; besides, an open
// clue in 东庄村 without a case, so the village officer can start an identification himself.
// Deterministic: the first households of 东庄村 (then of 龙港镇) by id; skipped when any case exists.
// Each village step is taken by an officer of that household's own village (the demo users sit only in
// 东庄村): a small demo county may have fewer households there, and another village's clue is out of its scope.

const VILLAGE = '140521100201';
const TOWNSHIP = '140521100000';

function actor(
  role: 'villageOfficer' | 'townshipStaff' | 'countyStaff',
  orgCode: string,
  scopePrefix: string,
  name: string,
): RequestContext {
  return {
    requestId: 'demo-cases',
    actor: { id: 0, username: 'demo', displayName: name, role, orgCode, orgName: name, feedSource: null, scopePrefix },
  };
}

const day = (offset: number) =>
  new Date(Date.parse(todayInChina() + 'T00:00:00Z') + offset * 86_400_000).toISOString().slice(0, 10);

export async function loadCasesDemo(services: Services, log: (line: string) => void = () => {}): Promise<number> {
  const [{ n }] = await queryRows<{ n: number }>(services.db, sql`SELECT count(*)::int AS n FROM monitoring_case`);
  if (n > 0) return 0;
  const township = actor('townshipStaff', TOWNSHIP, '140521100', '龙港镇业务员（演示）');
  const county = actor('countyStaff', '140521000000', '140521', '县乡村振兴局业务员（演示）');
  const found = await queryRows<{ id: number; village_code: string; kind: string }>(
    services.db,
    sql`SELECT id::int AS id, village_code, kind FROM household WHERE village_code LIKE '140521100%' AND monitoring_status = 'none' AND closed_on IS NULL
      ORDER BY (village_code = ${VILLAGE}) DESC, id LIMIT 4`,
  );
  if (found.length < 3) return 0;
  // 东庄村's first household for the notice (its officer acts), its second (if any) for the free clue.
  const inVillage = found.filter((h) => h.village_code === VILLAGE);
  const free = inVillage.length >= 2 && found.length >= 4 ? inVillage[1] : null;
  const [onNotice, ...others] = found.filter((h) => h !== free);
  const households = [others[0], onNotice, others[1]];
  const reasons = ['家中老人患病住院，自付医疗费用较多', '子女上大学，教育支出较大', '户主务工受伤，今年务工收入减少'];
  const risks = ['illness', 'education', 'unstableEmployment'];
  const clueIds: number[] = [];
  for (const [i, h] of households.entries()) {
    const r = await services.channels.applyByOfficer(county, {
      householdId: h.id,
      reason: reasons[i],
      riskTypes: [risks[i]],
      consent: { signed: true, signedOn: day(-10), signer: '户主', method: 'fingerprint' },
    });
    clueIds.push(r.clueIds[0]);
  }
  if (free)
    await services.channels.applyByOfficer(county, {
      householdId: free.id,
      reason: '家庭主要劳动力患慢性病，无法外出务工',
      riskTypes: ['lackOfLabour'],
      consent: { signed: true, signedOn: day(-2), signer: '户主', method: 'signature' },
    });
  // The second clue was found 9 days ago (its review and a notice that has hung its days lie inside the case); the third 17 days ago: past the limit.
  await services.db.execute(sql`UPDATE clue SET opened_at = now() - interval '9 days' WHERE id = ${clueIds[1]}`);
  await services.db.execute(sql`UPDATE clue SET opened_at = now() - interval '17 days' WHERE id = ${clueIds[2]}`);

  const village = (i: number) =>
    actor('villageOfficer', households[i].village_code, households[i].village_code, '村信息员（演示）');
  const a = await services.cases.startIdentification(village(0), clueIds[0]);
  await services.cases.act(village(0), a.id, {
    action: 'complete',
    version: a.version,
    fields: { findings: '入户核实：老人住院两次，自付约2.6万元', riskTypes: ['illness'] },
    attachmentIds: [],
  });

  let b = await services.cases.startIdentification(village(1), clueIds[1]);
  b = await services.cases.act(village(1), b.id, {
    action: 'complete',
    version: b.version,
    fields: { findings: '入户核实：长子在读大学，学费生活费每年约2万元', riskTypes: ['education'] },
    attachmentIds: [],
  });
  b = await services.cases.act(township, b.id, {
    action: 'complete',
    version: b.version,
    fields: { monitoringType: households[1].kind === 'alleviated' ? 'unstable' : 'edge' },
    attachmentIds: [],
  });
  b = await services.cases.act(village(1), b.id, {
    action: 'complete',
    version: b.version,
    fields: { meetingOn: day(-7), attendance: 18, agreed: true, result: '参会18人，同意纳入' },
    attachmentIds: [],
  });
  await services.cases.act(village(1), b.id, {
    action: 'startNotice',
    version: b.version,
    fields: { startedOn: day(-6) },
    attachmentIds: [],
  });

  // Past the limit and verified: the township compares it.
  const c = await services.cases.startIdentification(township, clueIds[2]);
  await services.cases.act(village(2), c.id, {
    action: 'complete',
    version: c.version,
    fields: { findings: '入户核实：户主务工受伤，停工三个月', riskTypes: ['unstableEmployment'] },
    attachmentIds: [],
  });

  const [monitored] = await queryRows<{ id: number; village_code: string }>(
    services.db,
    sql`SELECT id::int AS id, village_code FROM household WHERE village_code LIKE '140521100%' AND monitoring_status = 'monitored' AND NOT whole_household_no_labour ORDER BY id LIMIT 1`,
  );
  if (monitored) await eliminationAtTownshipReview(services, township, monitored);
  log(`演示识别认定事项 / demo cases: ${monitored ? 4 : 3}`);
  return monitored ? 4 : 3;
}

/** An elimination begun 9 days ago, verified, reviewed and noticed in its village: 乡镇审核 is next. */
async function eliminationAtTownshipReview(
  services: Services,
  township: RequestContext,
  h: { id: number; village_code: string },
): Promise<void> {
  const village = actor('villageOfficer', h.village_code, h.village_code, '村信息员（演示）');
  let e = await services.cases.startElimination(township, { householdId: h.id, mode: 'assistedElimination' });
  await services.db.execute(sql`UPDATE monitoring_case SET started_on = ${day(-9)} WHERE id = ${e.id}`);
  const steps: [RequestContext, 'complete' | 'startNotice', Record<string, unknown>][] = [
    [village, 'complete', { findings: '入户核实：帮扶措施已落实，收入稳定超过监测线', rigidSpendingResolved: true }],
    [village, 'complete', { meetingOn: day(-8), attendance: 16, agreed: true, result: '参会16人，同意消除风险' }],
    [village, 'startNotice', { startedOn: day(-7) }],
    [village, 'complete', { objections: [] }],
  ];
  for (const [who, action, fields] of steps)
    e = await services.cases.act(who, e.id, { action, version: e.version, fields, attachmentIds: [] });
}
