import { sql } from 'drizzle-orm';
import type { Db } from '#server/db/connect.ts';
import { queryRows } from '#server/db/connect.ts';
import { todayInChina } from '#server/lib/clock.ts';
import { systemContext } from '#server/lib/context.ts';
import type { SocialPairingService } from './social-pairing.service.ts';

// Demo 社会力量帮扶: one pairing of each kind in 龙港镇 (东庄村 first) and one in 中村镇, with funds, projects and jobs
// brought in the last year. Idempotent.

export async function loadSocialPairingDemo(
  services: { db: Db; socialPairing: SocialPairingService },
  log: (line: string) => void = () => {},
): Promise<void> {
  const { db, socialPairing: svc } = services;
  const ctx = systemContext('demo');
  const [{ n }] = await queryRows<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM social_pairing`);
  if (n > 0) return;
  const villages = await queryRows<{ code: string }>(
    db,
    sql`(SELECT code FROM org_unit WHERE level = 'village' AND valid_to IS NULL AND code LIKE '140521100%'
        ORDER BY (code = '140521100201') DESC, code LIMIT 4)
      UNION ALL
      (SELECT code FROM org_unit WHERE level = 'village' AND valid_to IS NULL AND code LIKE '140521101%' ORDER BY code LIMIT 1)`,
  );
  if (villages.length < 5) return;
  const year = Number(todayInChina().slice(0, 4));
  const started = `${year - 1}-03-01`;
  const on = (md: string) => `${year - 1}-${md}`;
  const plans = [
    {
      kind: 'leaderContact' as const,
      partnerName: '县委办公室',
      leaderName: '张书记',
      gifts: [{ contributedOn: on('04-10'), fundsFen: 5_000_000, projectName: '村道硬化', jobs: 0 }],
    },
    {
      kind: 'unitVillage' as const,
      partnerName: '沁水县财政局',
      leaderName: '刘局长',
      gifts: [
        { contributedOn: on('05-20'), fundsFen: 2_000_000, projectName: null, jobs: 0 },
        { contributedOn: on('09-01'), fundsFen: 0, projectName: '农产品展销', jobs: 0 },
      ],
    },
    {
      kind: 'enterpriseVillage' as const,
      partnerName: '山西沁水煤业有限公司',
      leaderName: '王总经理',
      gifts: [{ contributedOn: on('06-15'), fundsFen: 10_000_000, projectName: '香菇大棚', jobs: 25 }],
    },
    {
      kind: 'schoolHospital' as const,
      partnerName: '沁水县人民医院',
      leaderName: '赵院长',
      gifts: [{ contributedOn: on('07-08'), fundsFen: 0, projectName: '义诊巡诊', jobs: 0 }],
    },
    {
      kind: 'enterpriseVillage' as const,
      partnerName: '晋城农业发展有限公司',
      leaderName: null,
      gifts: [{ contributedOn: on('08-12'), fundsFen: 3_000_000, projectName: null, jobs: 8 }],
    },
  ];
  for (const [i, plan] of plans.entries()) {
    const pairing = await svc.create(ctx, {
      orgCode: villages[i].code,
      kind: plan.kind,
      partnerName: plan.partnerName,
      leaderName: plan.leaderName,
      startedOn: started,
    });
    for (const g of plan.gifts) await svc.contribute(ctx, pairing.id, g);
  }
  log(`演示社会力量帮扶 / demo social pairings: ${plans.length}`);
}
