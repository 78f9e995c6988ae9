import { sql } from 'drizzle-orm';
import type { Services } from '#server/app.ts';
import { createHouseholdRequest } from '#common/contracts/registry.ts';
import { addMonths, periodOf } from '#common/domain/period.ts';
import { computeCheckDigit } from '#common/domain/id-card.ts';
import { queryRows, type Db } from '#server/db/connect.ts';
import { systemContext } from '#server/lib/context.ts';
import { todayInChina } from '#server/lib/clock.ts';
import type { SocialAssistanceService } from './social-assistance.service.ts';

// Demo 兜底保障 entries, so that the household page shows what members receive beyond the registry's 低保/特困 flags:
// 医保参保资助 for the members of the first two monitored households, and 残疾人两项补贴 for a few members of 脱贫/monitored
// households holding a disability record (残联); 龙港镇 first, then the rest of the county. Amounts
// are left empty (the county's amounts are not in the plan). Deterministic (people by id) and run once.
//
// 应保未保 (无劳动能力未纳入兜底保障的监测户): the generated county has no monitored household without labour (its
// only monitored household in 龙港镇 is the young working family the cases, employment and insurance demos use: its
// elimination case rests on their jobs, so marking them without labour would break those). So, last of all, one
// elderly couple of 龙港镇 with no labour ability comes in as the national system's export brings a monitored
// household (the registry's createMonitored, 突发严重困难户 identified last month, 因病/缺劳动力), with no 低保,
// 特困 or 单人保 and no entry here: the uncovered list shows it. Added after every other demo, it changes none of
// their selections; it is one more monitored household on the lists that count them (see docs/relocation.md).

const TOWNSHIP = '140521100';

/** The elderly couple of 龙港镇 without labour and not covered (see above). */
const UNCOVERED_VILLAGE = '140521100205';
const UNCOVERED_HOUSEHOLD_NO = '1405211002059901';

const demoId = (birth: string, seq: string) => {
  const first17 = `140521${birth}${seq}`;
  return first17 + computeCheckDigit(first17);
};

async function loadUncoveredHousehold(
  services: Pick<Services, 'db' | 'registry'>,
  log: (line: string) => void,
): Promise<boolean> {
  const { db, registry } = services;
  const [village] = await queryRows<{ n: number }>(
    db,
    sql`SELECT count(*)::int AS n FROM household WHERE village_code = ${UNCOVERED_VILLAGE}`,
  );
  const [taken] = await queryRows<{ n: number }>(
    db,
    sql`SELECT count(*)::int AS n FROM household WHERE household_no = ${UNCOVERED_HOUSEHOLD_NO}`,
  );
  // Only in the demo county with households (a bare demo has none), and once.
  if (Number(village.n) === 0 || Number(taken.n) > 0) return false;
  const today = todayInChina();
  const elder = {
    ethnicity: 'han',
    politicalStatus: 'masses',
    education: 'primary',
    schooling: null,
    health: ['chronicIllness'],
    disabilityCategory: null,
    disabilityGrade: null,
    labourSkill: 'none',
    workMonths: null,
    workPlace: null,
    publicWelfarePost: false,
    residentMedicalInsurance: true,
    employeeMedicalInsurance: false,
    minimumLiving: false,
    destituteSupport: false,
    phone: null,
  };
  const request = createHouseholdRequest.parse({
    householdNo: UNCOVERED_HOUSEHOLD_NO,
    villageCode: UNCOVERED_VILLAGE,
    kind: 'ordinary',
    alleviatedAttribute: null,
    phone: null,
    address: '第三村民小组 7 号',
    housingGrade: 'B',
    waterSafe: true,
    schoolDropout: false,
    housingUnsafe: false,
    medicalUninsured: false,
    members: [
      { ...elder, name: '赵福堂', idNumber: demoId('19430217', '991'), relationship: 'head' },
      {
        ...elder,
        name: '卫秀英',
        idNumber: demoId('19460905', '982'),
        relationship: 'spouse',
        health: ['seriousIllness'],
      },
    ],
    income: {
      year: Number(today.slice(0, 4)) - 1,
      wageIncome: 0,
      businessIncome: 200_000,
      propertyIncome: 0,
      transferIncome: 480_000,
      businessCost: 60_000,
      insurancePayout: 0,
      eligibleOutOfPocket: 1_500_000,
    },
    reason: '演示数据：全国防返贫监测信息系统导出的监测户',
  });
  const {
    monitoringType: _t,
    identificationPeriod: _p,
    riskTypes: _r,
    ...household
  } = request as typeof request & {
    monitoringType?: unknown;
    identificationPeriod?: unknown;
    riskTypes?: unknown;
  };
  await registry.createMonitored(
    systemContext('demo'),
    household,
    {
      monitoringType: 'suddenHardship',
      identificationPeriod: addMonths(periodOf(today), -1),
      riskTypes: ['illness', 'lackOfLabour'],
    },
    { action: 'importNational', reason: '演示数据：全国防返贫监测信息系统的监测信息' },
  );
  log('演示应保未保 / demo uncovered: 龙港镇 1 户无劳动能力未纳入兜底保障的监测户');
  return true;
}

export async function loadSocialAssistanceDemo(
  services: { db: Db; socialAssistance: SocialAssistanceService } & Partial<Pick<Services, 'registry'>>,
  log: (line: string) => void = () => {},
): Promise<void> {
  const { db, socialAssistance } = services;
  const [{ n }] = await queryRows<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM social_benefit`);
  if (n > 0) return;
  const ctx = systemContext('demo');
  const year = todayInChina().slice(0, 4);
  const insured = await queryRows<{ person_id: number }>(
    db,
    sql`SELECT m.person_id FROM household h JOIN membership m ON m.household_id = h.id AND m.county_code = h.county_code AND m.valid_to IS NULL
      WHERE h.id IN (SELECT id FROM household WHERE closed_on IS NULL AND monitoring_status = 'monitored'
        ORDER BY (village_code LIKE ${TOWNSHIP + '%'}) DESC, id LIMIT 2)
      ORDER BY m.person_id`,
  );
  const disabled = await queryRows<{ person_id: number }>(
    db,
    sql`SELECT p.id AS person_id FROM person p JOIN membership m ON m.person_id = p.id AND m.county_code = p.county_code AND m.valid_to IS NULL
      JOIN household h ON h.id = m.household_id AND h.county_code = m.county_code AND h.closed_on IS NULL
      WHERE (h.kind = 'alleviated' OR h.monitoring_status = 'monitored') AND p.disability_category IS NOT NULL
      ORDER BY (h.village_code LIKE ${TOWNSHIP + '%'}) DESC, p.id LIMIT 5`,
  );
  let entries = 0;
  for (const p of insured) {
    await socialAssistance.addBenefit(ctx, {
      personId: Number(p.person_id),
      kind: 'medicalPremium',
      startOn: `${year}-01-01`,
      department: '县医疗保障局',
    });
    entries++;
  }
  for (const p of disabled) {
    await socialAssistance.addBenefit(ctx, {
      personId: Number(p.person_id),
      kind: 'disabilityAllowance',
      startOn: `${Number(year) - 1}-07-01`,
      department: '县残疾人联合会',
    });
    entries++;
  }
  log(`演示兜底保障登记 / demo social benefits: ${entries}`);
  if (services.registry) await loadUncoveredHousehold({ db, registry: services.registry }, log);
}
