import { sql } from 'drizzle-orm';
import { addDays } from '#common/domain/period.ts';
import { queryRows, type Db } from '#server/db/connect.ts';
import { todayInChina } from '#server/lib/clock.ts';
import { systemContext } from '#server/lib/context.ts';
import type { DeliberationService } from '../deliberation/index.ts';
import type { VillagePointsService } from './village-points.service.ts';

// Demo 积分制 in 龙港镇东庄村: 积分制管理办法 adopted by 四议两公开 two months ago, five items (one deduction), points to
// up to four households over the last weeks, one redemption in the 积分超市. Dates count back from the China day. Idempotent.

const VILLAGE = '140521100201';

export async function loadVillagePointsDemo(
  services: { db: Db; villagePoints: VillagePointsService; deliberation: DeliberationService },
  log: (line: string) => void = () => {},
): Promise<void> {
  const { db, villagePoints: svc, deliberation } = services;
  const [{ n }] = await queryRows<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM points_rule`);
  if (n > 0) return;
  const households = await queryRows<{ id: number }>(
    db,
    sql`SELECT id FROM household WHERE village_code = ${VILLAGE} ORDER BY id LIMIT 4`,
  );
  if (households.length === 0) return;
  const ctx = systemContext('demo');
  const today = todayInChina();
  const back = (days: number) => addDays(today, -days);
  const d = await deliberation.create(ctx, {
    villageCode: VILLAGE,
    subject: '东庄村积分制管理办法（村规民约）',
    purpose: 'other',
    oneShoulder: false,
  });
  for (const s of [
    { step: 'proposal' as const, heldOn: back(64), content: '村党支部提议推行积分制管理', origin: 'cadres' as const },
    { step: 'committee' as const, heldOn: back(63), content: '村"两委"会议商议积分项目和分值' },
    {
      step: 'partyMeeting' as const,
      heldOn: back(62),
      content: '党员大会审议通过',
      expected: 31,
      present: 27,
      votesFor: 26,
      votesAgainst: 0,
    },
    {
      step: 'villagersMeeting' as const,
      heldOn: back(61),
      content: '村民代表会议表决通过积分制管理办法',
      meetingKind: 'representatives' as const,
      expected: 42,
      present: 39,
      votesFor: 37,
      votesAgainst: 1,
    },
    { step: 'resolutionPublished' as const, heldOn: back(60), content: '积分制管理办法在村务公开栏公开' },
  ])
    await deliberation.recordStep(ctx, d.id, s);
  const item = (
    name: string,
    category: 'environment' | 'filialPiety' | 'volunteer' | 'customs' | 'violation',
    points: number,
  ) => svc.createRule(ctx, { orgCode: VILLAGE, deliberationId: d.id, name, category, points });
  const tidy = await item('庭院整洁、门前三包', 'environment', 5);
  const care = await item('孝老爱亲（赡养老人）', 'filialPiety', 10);
  const volunteer = await item('参加志愿服务（每次）', 'volunteer', 3);
  const wedding = await item('婚事新办、丧事简办', 'customs', 20);
  const litter = await item('乱倒垃圾', 'violation', -5);
  // 东庄村 may hold fewer than four demo households: the awards then go round those there are.
  const [a, b, c, e] = [0, 1, 2, 3].map((i) => households[i % households.length]!.id);
  const awards: [number, number, number, string][] = [
    [a!, care.id, 50, '照顾卧床母亲，邻里称赞'],
    [a!, tidy.id, 40, '月度人居环境评比'],
    [b!, wedding.id, 30, '儿子婚事新办，不收彩礼'],
    [b!, volunteer.id, 20, '参加清雪志愿服务'],
    [c!, tidy.id, 40, '月度人居环境评比'],
    [c!, litter.id, 10, '向河道倾倒垃圾'],
    [e!, volunteer.id, 20, '参加清雪志愿服务'],
    [e!, volunteer.id, 12, '参加防汛志愿服务'],
  ];
  for (const [householdId, ruleId, days, reason] of awards)
    await svc.award(ctx, { householdId, ruleId, awardedOn: back(days), reason });
  await svc.redeem(ctx, { householdId: a!, goods: '洗衣液', quantity: 2, points: 10, redeemedOn: back(5) });
  log('演示积分制 / demo village points: 5 items, 8 awards, 1 redemption');
}
