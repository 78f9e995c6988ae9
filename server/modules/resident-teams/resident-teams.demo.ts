import { sql } from 'drizzle-orm';
import type { Db } from '#server/db/connect.ts';
import { queryRows } from '#server/db/connect.ts';
import { todayInChina } from '#server/lib/clock.ts';
import { systemContext } from '#server/lib/context.ts';
import type { ResidentTeamsService } from './resident-teams.service.ts';

// Demo 驻村工作队 in 龙港镇: the county flags four villages (东庄村 重点帮扶村, the next 易地搬迁安置点, one 软弱涣散村 with
// no team yet — it shows as lacking — and one both); 东庄村's team has a first secretary, a leader and a member with
// last month's attendance (one member below the minimum) and two log lines; the second village's team rotated a
// year ago (history kept). Idempotent.

const TOWNSHIP = '140521100';

export async function loadResidentTeamsDemo(
  services: { db: Db; residentTeams: ResidentTeamsService },
  log: (line: string) => void = () => {},
): Promise<void> {
  const { db, residentTeams: svc } = services;
  const ctx = systemContext('demo');
  const [{ n }] = await queryRows<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM resident_team`);
  if (n > 0) return;
  const villages = await queryRows<{ code: string; name: string }>(
    db,
    sql`SELECT code, name FROM org_unit WHERE level = 'village' AND valid_to IS NULL AND code LIKE ${TOWNSHIP + '%'}
      ORDER BY (code = ${TOWNSHIP + '201'}) DESC, code LIMIT 4`,
  );
  if (villages.length < 4) return;
  const today = todayInChina();
  const year = Number(today.slice(0, 4));
  const [y, m] = today.split('-').map(Number);
  const lastMonth = m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
  const [east, second, weak, both] = villages;
  await svc.setFlags(ctx, east.code, { keyVillage: true, relocationSite: false, weakParty: false });
  await svc.setFlags(ctx, second.code, { keyVillage: false, relocationSite: true, weakParty: false });
  await svc.setFlags(ctx, weak.code, { keyVillage: false, relocationSite: false, weakParty: true });
  await svc.setFlags(ctx, both.code, { keyVillage: true, relocationSite: false, weakParty: true });

  const team = await svc.createTeam(ctx, {
    orgCode: east.code,
    sendingUnit: '沁水县乡村振兴局',
    startedOn: `${year - 1}-06-01`,
    members: [
      { name: '王建国', role: 'firstSecretary', unit: null },
      { name: '李明', role: 'leader', unit: '沁水县农业农村局' },
      { name: '赵丽', role: 'member', unit: null },
    ],
  });
  const days: Record<string, number> = { 王建国: 22, 李明: 21, 赵丽: 14 };
  for (const mem of team.memberList)
    await svc.recordAttendance(ctx, team.id, {
      memberId: mem.id,
      period: lastMonth,
      daysInVillage: days[mem.name] ?? 20,
    });
  await svc.addLog(ctx, team.id, {
    loggedOn: `${lastMonth}-05`,
    content: '走访监测户12户，核实收入和“两不愁三保障”情况',
  });
  await svc.addLog(ctx, team.id, {
    loggedOn: `${lastMonth}-18`,
    content: '召开村两委会议，研究村集体光伏收益分配方案',
  });

  const old = await svc.createTeam(ctx, {
    orgCode: second.code,
    sendingUnit: '沁水县人力资源和社会保障局',
    startedOn: `${year - 3}-06-01`,
    members: [
      { name: '陈志强', role: 'firstSecretary', unit: null },
      { name: '刘芳', role: 'member', unit: null },
    ],
  });
  await svc.rotate(ctx, old.id, {
    endedOn: `${year - 1}-05-31`,
    endNote: '任期届满轮换',
    next: {
      sendingUnit: '沁水县教育局',
      startedOn: `${year - 1}-06-01`,
      members: [
        { name: '孙伟', role: 'firstSecretary', unit: null },
        { name: '周敏', role: 'member', unit: null },
      ],
    },
  });
  await svc.createTeam(ctx, {
    orgCode: both.code,
    sendingUnit: '沁水县卫生健康和体育局',
    startedOn: `${year - 1}-06-01`,
    members: [{ name: '吴刚', role: 'firstSecretary', unit: null }],
  });
  log(`演示驻村工作队 / demo resident teams: 4 (1 rotated), ${weak.name} 应派未派`);
}
