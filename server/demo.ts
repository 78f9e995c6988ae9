import { randomBytes } from 'node:crypto';
import type { ImportReport } from '#common/contracts/registry-transfer.ts';
import type { Role } from '#common/domain/roles.ts';
import type { Services } from './app.ts';
import type { DatabaseKind } from './db/connect.ts';
import { systemContext } from './lib/context.ts';
import { recordAudit } from './modules/audit/audit.service.ts';
import { findUserByUsername } from './modules/auth/auth.repository.ts';
import { QINSHUI_COUNTY_CODE } from './modules/org/qinshui.ts';
import { DEMO_SEED, loadDemoHouseholds } from './modules/registry/import/demo-loader.ts';
import { loadProjectsDemo } from './modules/projects/demo.ts';
import { loadAssistanceDemo } from './modules/assistance/assistance.demo.ts';
import { loadCasesDemo } from './modules/cases/cases.demo.ts';
import { loadPostsDemo } from './modules/posts/posts.demo.ts';
import { loadMicroloansDemo } from './modules/microloans/microloans.demo.ts';
import { loadCollectiveEconomyDemo } from './modules/collective-economy/collective-economy.demo.ts';
import { loadConsumerAssistanceDemo } from './modules/consumer-assistance/consumer-assistance.demo.ts';
import { loadResidentTeamsDemo } from './modules/resident-teams/resident-teams.demo.ts';
import { loadSocialPairingDemo } from './modules/social-pairing/social-pairing.demo.ts';
import { loadPetitionsDemo } from './modules/petitions/petitions.demo.ts';
import { loadVillagePointsDemo } from './modules/village-points/village-points.demo.ts';
import { loadInsuranceDemo } from './modules/insurance/insurance.demo.ts';
import { loadEmploymentDemo } from './modules/employment/employment.demo.ts';
import { loadRelocationDemo } from './modules/relocation/relocation.demo.ts';
import { loadSocialAssistanceDemo } from './modules/social-assistance/social-assistance.demo.ts';
import { loadKeyVillagesDemo } from './modules/key-villages/key-villages.demo.ts';
import { createImportService } from './modules/registry/import/import.service.ts';
import { progressPrinter } from './modules/registry/import/transfer.cli.ts';
import { seedQinshui } from './modules/org/org.service.ts';
import { loadDemoIndicatorValues, seedDemoGroups } from './modules/indicators/indicators.seed.ts';
import { todayInChina } from './lib/clock.ts';

// The demo county: Qinshui's real townships, synthetic villages, one user per role.
// Demo passwords are fixed only on the embedded database; on PostgreSQL they are random and printed once.

export interface DemoUser {
  feedSource?: 'medical';
  username: string;
  displayName: string;
  role: Role;
  orgCode: string;
  password: string;
}

export const DEMO_USERS: DemoUser[] = [
  {
    username: 'county_admin',
    displayName: '县乡村振兴局管理员',
    role: 'countyAdmin',
    orgCode: QINSHUI_COUNTY_CODE,
    password: 'Demo@2021county',
  },
  {
    username: 'county_staff',
    displayName: '县乡村振兴局业务员',
    role: 'countyStaff',
    orgCode: QINSHUI_COUNTY_CODE,
    password: 'Demo@2021county',
  },
  {
    username: 'township_staff',
    displayName: '龙港镇业务员',
    role: 'townshipStaff',
    orgCode: '140521100000',
    password: 'Demo@2021township',
  },
  {
    username: 'village_officer',
    displayName: '龙港镇东庄村信息员',
    role: 'villageOfficer',
    orgCode: '140521100201',
    password: 'Demo@2021village',
  },
  {
    username: 'dept_medical',
    displayName: '县医保局数据员',
    role: 'department',
    orgCode: QINSHUI_COUNTY_CODE,
    password: 'Demo@2021dept',
    feedSource: 'medical',
  },
  {
    username: 'cadre',
    displayName: '帮扶干部（龙港镇）',
    role: 'cadre',
    orgCode: '140521100000',
    password: 'Demo@2021cadre',
  },
  {
    username: 'auditor',
    displayName: '县审计员',
    role: 'auditor',
    orgCode: QINSHUI_COUNTY_CODE,
    password: 'Demo@2021audit',
  },
];

export interface DemoResult {
  orgUnits: number;
  users: { username: string; role: Role; password: string; created: boolean }[];
  /** The synthetic households' import report, when some were asked for. */
  households?: ImportReport;
}

export interface DemoOptions {
  /** Synthetic households to load through the household import (0: none). */
  households?: number;
  seed?: number;
}

export async function loadDemo(
  services: Services,
  kind: DatabaseKind,
  log: (line: string) => void = () => {},
  options: DemoOptions = {},
): Promise<DemoResult> {
  const ctx = systemContext('demo');
  log('载入组织机构（沁水县）/ loading org units…');
  const orgUnits = await seedQinshui(services.db);
  await services.db.transaction((tx) =>
    recordAudit(tx, ctx, {
      action: 'seed',
      entity: 'org_unit',
      entityId: QINSHUI_COUNTY_CODE,
      after: { units: orgUnits },
    }),
  );
  const users: DemoResult['users'] = [];
  for (const u of DEMO_USERS) {
    const existing = await findUserByUsername(services.db, u.username);
    const password = kind === 'pglite' ? u.password : randomBytes(12).toString('base64url');
    if (!existing) await services.users.create(ctx, { ...u, password }, { mustChangePassword: kind !== 'pglite' });
    users.push({
      username: u.username,
      role: u.role,
      password: existing ? '(unchanged)' : password,
      created: !existing,
    });
  }
  log(`演示用户 / demo users: ${users.map((u) => u.username).join(', ')}`);
  await seedDemoGroups(services.db, QINSHUI_COUNTY_CODE);
  if (!options.households) return { orgUnits, users };
  const indicatorValues = await loadDemoIndicatorValues(services.db, QINSHUI_COUNTY_CODE, todayInChina().slice(0, 7));
  log(`演示指标数据 / demo indicator values: ${indicatorValues}`);
  log(`载入 ${options.households} 户演示农户 / loading ${options.households} demo households…`);
  const importer = createImportService(services.db, services.box, services.jobs);
  const households = await loadDemoHouseholds(
    services.db,
    importer,
    QINSHUI_COUNTY_CODE,
    options.households,
    options.seed ?? DEMO_SEED,
    progressPrinter(log),
  );
  log(
    `演示农户 / demo households: 新增 ${households.created}，未变 ${households.unchanged} / created ${households.created}, unchanged ${households.unchanged}`,
  );
  await loadProjectsDemo(services, log);
  await loadAssistanceDemo(services, log);
  await loadCasesDemo(services, log);
  await loadPostsDemo(services, log);
  await loadMicroloansDemo(services, log);
  await loadCollectiveEconomyDemo(services, log);
  await loadConsumerAssistanceDemo(services, log);
  await loadResidentTeamsDemo(services, log);
  await loadSocialPairingDemo(services, log);
  await loadPetitionsDemo(services, log);
  await loadVillagePointsDemo(services, log);
  await loadInsuranceDemo(services, log);
  await loadEmploymentDemo(services, log);
  await loadRelocationDemo(services, log);
  await loadSocialAssistanceDemo(services, log);
  await loadKeyVillagesDemo(services, log);
  return { orgUnits, users, households };
}
