import { sql } from 'drizzle-orm';
import type { Services } from '#server/app.ts';
import { queryRows } from '#server/db/connect.ts';
import { todayInChina } from '#server/lib/clock.ts';
import { systemContext } from '#server/lib/context.ts';
import { insertEvent, insertProject } from './projects.repository.ts';

// A few projects, allocations and assets so that `npm start` shows a living project library, fund
// checks and asset ledger. Deterministic, and loaded once (skipped when any project exists).

const VILLAGE = '140521100201'; // 东庄村
const VILLAGE2 = '140521100202';
const TOWNSHIP = '140521100000'; // 龙港镇
const COUNTY = '140521000000';

export async function loadProjectsDemo(
  services: Pick<Services, 'db' | 'projects' | 'funds' | 'assets' | 'deliberation'>,
  log: (line: string) => void = () => {},
): Promise<void> {
  const [{ n }] = await queryRows<{ n: number }>(services.db, sql`SELECT count(*)::int AS n FROM project`);
  if (n > 0) return;
  const ctx = systemContext('demo');
  const today = todayInChina();
  const year = Number(today.slice(0, 4));
  const day = (md: string) => `${year}-${md}`;

  const delib = await services.deliberation.create(ctx, {
    villageCode: VILLAGE,
    subject: `东庄村${year}年度项目申报及光伏收益分配`,
    purpose: 'project',
    oneShoulder: false,
  });
  for (const s of [
    {
      step: 'proposal' as const,
      heldOn: day('01-05'),
      content: '村党支部提议申报光伏电站、产业路项目',
      origin: 'masses' as const,
    },
    { step: 'committee' as const, heldOn: day('01-06'), content: '村"两委"会议商议同意' },
    {
      step: 'partyMeeting' as const,
      heldOn: day('01-08'),
      content: '党员大会审议通过',
      expected: 31,
      present: 26,
      votesFor: 24,
      votesAgainst: 1,
    },
    {
      step: 'villagersMeeting' as const,
      heldOn: day('01-10'),
      content: '村民代表会议决议通过',
      meetingKind: 'representatives' as const,
      expected: 42,
      present: 38,
      votesFor: 35,
      votesAgainst: 2,
    },
    { step: 'resolutionPublished' as const, heldOn: day('01-11'), content: '决议在村务公开栏公开 5 天' },
  ]) {
    await services.deliberation.recordStep(ctx, delib.id, s);
  }

  const base = {
    beneficiaryVillages: [VILLAGE],
    farmerLinkage: '优先吸纳脱贫户、监测户务工，收益用于村级公益岗位和巩固帮扶',
    performanceTargets: [
      { indicator: '受益脱贫人口', value: '≥50人' },
      { indicator: '群众满意度', value: '≥95%' },
    ],
    workForRelief: false,
    labourRemunerationFen: 0,
    deliberationId: delib.id,
  };
  const specs = [
    {
      orgCode: VILLAGE,
      name: '东庄村 200kW 村级光伏扶贫电站',
      type: 'industry' as const,
      subType: '光伏扶贫',
      budget: { central: 120_000_000, provincial: 30_000_000, city: 0, county: 0 },
      hh: 86,
      al: 32,
      status: 'completed' as const,
    },
    {
      orgCode: VILLAGE,
      name: '东庄村产业路硬化（以工代赈）',
      type: 'ruralConstruction' as const,
      subType: '农村基础设施',
      budget: { central: 60_000_000, provincial: 0, city: 10_000_000, county: 0 },
      hh: 120,
      al: 40,
      status: 'implementing' as const,
      workForRelief: true,
      labourRemunerationFen: 11_000_000,
    },
    {
      orgCode: TOWNSHIP,
      name: '龙港镇食用菌产业园大棚',
      type: 'industry' as const,
      subType: '生产项目',
      budget: { central: 200_000_000, provincial: 50_000_000, city: 0, county: 20_000_000 },
      hh: 210,
      al: 95,
      status: 'admitted' as const,
    },
    {
      orgCode: COUNTY,
      name: `${year}年度衔接资金项目管理费`,
      type: 'managementFee' as const,
      subType: '项目管理费',
      budget: { central: 5_000_000, provincial: 0, city: 0, county: 0 },
      hh: 0,
      al: 0,
      status: 'admitted' as const,
    },
    {
      orgCode: VILLAGE2,
      name: '村级小型养殖场',
      type: 'industry' as const,
      subType: '生产项目',
      budget: { central: 30_000_000, provincial: 0, city: 0, county: 0 },
      hh: 40,
      al: 18,
      status: 'reserve' as const,
    },
  ];
  const ids: number[] = [];
  await services.db.transaction(async (tx) => {
    for (const s of specs) {
      const admitted = s.status !== 'reserve';
      const id = await insertProject(tx, {
        countyCode: COUNTY,
        orgCode: s.orgCode,
        name: s.name,
        type: s.type,
        subType: s.subType,
        year,
        budgetCentralFen: s.budget.central,
        budgetProvincialFen: s.budget.provincial,
        budgetCityFen: s.budget.city,
        budgetCountyFen: s.budget.county,
        beneficiaryHouseholds: s.hh,
        beneficiaryAlleviated: s.al,
        beneficiaryVillages: s.orgCode === VILLAGE ? base.beneficiaryVillages : [],
        farmerLinkage: base.farmerLinkage,
        performanceTargets: base.performanceTargets,
        workForRelief: s.workForRelief ?? false,
        labourRemunerationFen: s.labourRemunerationFen ?? 0,
        deliberationId: s.orgCode === VILLAGE ? delib.id : null,
        entryStage: admitted ? 'admitted' : 'townshipReview',
        status: admitted ? 'admitted' : 'reserve',
        declaredOn: day('01-15'),
        admittedOn: admitted ? day('03-01') : null,
      });
      ids.push(id);
      const actor = { actorId: null, actorName: '演示数据', actorRole: 'countyAdmin', on: today };
      await insertEvent(tx, { projectId: id, action: 'create', toStage: 'declaration', ...actor });
      if (admitted)
        await insertEvent(tx, {
          projectId: id,
          action: 'complete',
          fromStage: 'announcement',
          toStage: 'admitted',
          reason: '演示数据：已完成三公示一公告',
          ...actor,
        });
    }
  });

  const allocations: Record<string, number> = {};
  for (const [source, amountFen, docNo] of [
    ['central', 400_000_000, `晋财农〔${year}〕8号`],
    ['provincial', 80_000_000, `晋财农〔${year}〕21号`],
    ['city', 20_000_000, `晋市财农〔${year}〕5号`],
    ['county', 30_000_000, `沁财农〔${year}〕2号`],
  ] as const) {
    const a = await services.funds.allocate(ctx, { year, source, docNo, receivedOn: day('02-20'), amountFen });
    allocations[source] = a.id;
  }
  const assign = (projectIndex: number, source: string, amountFen: number) =>
    services.funds.assign(ctx, { allocationId: allocations[source], projectId: ids[projectIndex], amountFen });
  const pv = await assign(0, 'central', 120_000_000);
  await assign(0, 'provincial', 30_000_000);
  const road = await assign(1, 'central', 60_000_000);
  await assign(1, 'city', 10_000_000);
  await assign(2, 'central', 140_000_000);
  await assign(2, 'provincial', 40_000_000);
  await assign(3, 'central', 3_500_000);
  await services.funds.disburse(ctx, {
    assignmentId: pv.id,
    amountFen: 120_000_000,
    paidOn: day('05-20'),
    voucherNo: `${year}-记-0012`,
    payee: '晋城市光伏工程有限公司',
    labour: false,
  });
  await services.funds.disburse(ctx, {
    assignmentId: road.id,
    amountFen: 11_000_000,
    paidOn: day('06-10'),
    voucherNo: `${year}-记-0031`,
    payee: '东庄村务工群众（劳务报酬）',
    labour: true,
  });

  // The PV station is completed through the ordinary path (it forms its asset), then earns.
  for (const status of ['implementing', 'accepted', 'completed'] as const) {
    const p = await services.projects.get(ctx, ids[0]);
    await services.projects.changeStatus(ctx, ids[0], { status, version: p.version });
  }
  const road0 = await services.projects.get(ctx, ids[1]);
  await services.projects.changeStatus(ctx, ids[1], { status: 'implementing', version: road0.version });
  const pvProject = await services.projects.get(ctx, ids[0]);
  const asset = await services.assets.get(ctx, pvProject.assets[0].id);
  await services.assets.setCustody(ctx, asset.id, {
    operator: '沁水县光伏运维服务中心',
    custodian: '东庄村民委员会',
    custodianPerson: '东庄村村委会主任',
    version: asset.version,
  });
  await services.assets.recordIncome(ctx, asset.id, {
    year,
    receivedOn: day('07-01'),
    amountFen: 9_600_000,
    distribution: {
      operation: 960_000,
      consolidation: 2_400_000,
      publicWelfare: 1_440_000,
      publicWelfarePosts: 4_800_000,
    },
    deliberationId: delib.id,
    note: '上半年发电收益',
  });

  // Assets from earlier years found in the 清产核资 inventory.
  const inventory = [
    {
      name: '龙港镇村级道路 3.2 公里',
      category: 'publicWelfare' as const,
      orgCode: VILLAGE2,
      originYear: 2018,
      value: 96_000_000,
      ownerLevel: 'village' as const,
      ownerName: '村股份经济合作社',
      custodian: '村民委员会',
      custodianPerson: '村委会主任',
      quantity: 3.2,
      unit: '公里',
    },
    {
      name: '东庄村安全饮水工程',
      category: 'publicWelfare' as const,
      orgCode: VILLAGE,
      originYear: 2019,
      value: 45_000_000,
      ownerLevel: 'village' as const,
      ownerName: '东庄村股份经济合作社',
      custodian: '东庄村民委员会',
      custodianPerson: '水管员',
      quantity: 1,
      unit: '处',
    },
    {
      name: '到户养殖肉牛',
      category: 'household' as const,
      orgCode: VILLAGE,
      originYear: 2020,
      value: 18_000_000,
      ownerLevel: 'household' as const,
      ownerName: '受益农户 24 户',
      custodian: '受益农户自行管护',
      custodianPerson: '各受益户户主',
      quantity: 36,
      unit: '头',
    },
    {
      name: '龙港镇农产品冷链仓储',
      category: 'operating' as const,
      orgCode: TOWNSHIP,
      originYear: 2020,
      value: 260_000_000,
      ownerLevel: 'township' as const,
      ownerName: '龙港镇人民政府',
      custodian: '龙港镇农业综合服务中心',
      custodianPerson: '中心主任',
      quantity: 1,
      unit: '座',
    },
  ];
  for (const a of inventory) {
    await services.assets.create(ctx, {
      name: a.name,
      category: a.category,
      orgCode: a.orgCode,
      originYear: a.originYear,
      fundSources: { central: a.value },
      originalValueFen: a.value,
      bookValueFen: Math.round(a.value * 0.8),
      location: null,
      quantity: a.quantity,
      unit: a.unit,
      ownerLevel: a.ownerLevel,
      ownerName: a.ownerName,
      operator: a.category === 'operating' ? '沁水县龙港农业发展有限公司' : null,
      custodian: a.custodian,
      custodianPerson: a.custodianPerson,
      beneficiaries: '脱贫户、监测户',
      photovoltaic: false,
    });
  }
  log(
    `演示项目 / demo projects: ${specs.length} 个项目，${Object.keys(allocations).length} 笔资金指标，${inventory.length + 1} 项资产`,
  );
}
