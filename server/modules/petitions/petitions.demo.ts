import { sql } from 'drizzle-orm';
import { addDays } from '#common/domain/period.ts';
import { queryRows, type Db } from '#server/db/connect.ts';
import { todayInChina } from '#server/lib/clock.ts';
import { systemContext } from '#server/lib/context.ts';
import type { PetitionsService } from './petitions.service.ts';

// Demo 涉贫舆情与信访 in 龙港镇: 东庄村 a 来访 handled and closed, and an online 舆情 past its deadline; a second village a
// 12317 call this week whose household is at risk (a petition-channel clue); a third village a media item of last year,
// closed. Dates count back from the China day. Idempotent.

export async function loadPetitionsDemo(
  services: { db: Db; petitions: PetitionsService },
  log: (line: string) => void = () => {},
): Promise<void> {
  const { db, petitions: svc } = services;
  const [{ n }] = await queryRows<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM petition_event`);
  if (n > 0) return;
  // Villages of 龙港镇 with households, 东庄村 first, and one household of each.
  const rows = await queryRows<{ village_code: string; household_id: number }>(
    db,
    sql`SELECT DISTINCT ON (h.village_code) h.village_code, h.id AS household_id
      FROM household h JOIN org_unit o ON o.code = h.village_code AND o.valid_to IS NULL
      WHERE h.village_code LIKE '140521100%'
      ORDER BY h.village_code, h.id`,
  );
  rows.sort((a, b) => Number(b.village_code === '140521100201') - Number(a.village_code === '140521100201'));
  if (rows.length < 3) return;
  const [first, second, third] = rows;
  const ctx = systemContext('demo');
  const today = todayInChina();
  const back = (days: number) => addDays(today, -days);

  const visit = await svc.create(ctx, {
    orgCode: first.village_code,
    kind: 'petition',
    source: 'visit',
    level: 'ordinary',
    receivedOn: back(40),
    title: '反映低保待遇调整后家庭生活困难',
    summary: '村民到村委会反映，家中老人住院后低保金调整，医疗自付较多，生活困难，请求帮助。',
    petitioner: '村民（来访）',
    reference: 'QSXF-001',
  });
  await svc.addHousehold(ctx, visit.id, { householdId: first.household_id, note: '来访人家庭' });
  await svc.addStep(ctx, visit.id, { stepOn: back(38), action: 'verify', note: '村两委入户核实，医疗自付属实' });
  await svc.addStep(ctx, visit.id, { stepOn: back(33), action: 'reply', note: '告知医疗救助申请途径，协助提交申请' });
  await svc.close(ctx, visit.id, {
    closedOn: back(30),
    closureResult: 'resolved',
    closureNote: '医疗救助已申请，当面答复，来访人表示满意',
  });

  const online = await svc.create(ctx, {
    orgCode: first.village_code,
    kind: 'publicOpinion',
    source: 'internet',
    level: 'serious',
    receivedOn: back(20),
    title: '网帖称村里产业分红不公开',
    summary: '县网信办转来网帖，称村集体产业分红未公示，部分脱贫户未分到红利。',
    petitioner: '网络发帖人',
    reference: 'WX-2026-07',
  });
  await svc.addStep(ctx, online.id, { stepOn: back(19), action: 'assign', note: '乡镇转村核实，要求及时回应' });
  await svc.addStep(ctx, online.id, { stepOn: back(12), action: 'verify', note: '调取分红台账，正在核对名单' });

  const hotline = await svc.create(ctx, {
    orgCode: second.village_code,
    kind: 'petition',
    source: 'hotline12317',
    level: 'ordinary',
    receivedOn: back(3),
    title: '12317热线反映家中房屋漏雨',
    summary: '来电人反映家中房屋雨季漏雨严重，担心住房安全，请求核查。',
    petitioner: '来电人',
  });
  await svc.addHousehold(ctx, hotline.id, { householdId: second.household_id, note: '来电人家庭' });
  await svc.raiseClue(ctx, hotline.id, second.household_id, { riskTypes: ['unsafeHousing'] });

  const lastYear = `${Number(today.slice(0, 4)) - 1}`;
  const media = await svc.create(ctx, {
    orgCode: third.village_code,
    kind: 'publicOpinion',
    source: 'media',
    level: 'ordinary',
    receivedOn: `${lastYear}-09-10`,
    title: '媒体报道村道年久失修',
    summary: '地方媒体报道村道路面破损，影响农产品外运。',
  });
  await svc.close(ctx, media.id, {
    closedOn: `${lastYear}-10-20`,
    closureResult: 'resolved',
    closureNote: '已纳入村道硬化项目，媒体回访报道',
  });
  log('演示涉贫舆情信访 / demo petitions: 4');
}
