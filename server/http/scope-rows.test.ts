import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { scopePrefixOf } from '#common/domain/org-code.ts';
import { queryRows } from '../db/connect.ts';
import { systemContext } from '../lib/context.ts';
import { loadAssistanceDemo } from '../modules/assistance/assistance.demo.ts';
import { loadCasesDemo } from '../modules/cases/cases.demo.ts';
import { loadProjectsDemo } from '../modules/projects/demo.ts';
import { DEMO_SEED, loadDemoHouseholds } from '../modules/registry/import/demo-loader.ts';
import { createImportService } from '../modules/registry/import/import.service.ts';
import { householdRequest } from '../test/factories.ts';
import { createMonitoredHousehold } from '../test/monitored.ts';
import { useTestApp } from '../test/test-app.ts';

// Row-level scope of every list endpoint (scope-matrix.test.ts checks the status codes): with data in
// 东庄村, elsewhere in 龙港镇 and in other townships, a village officer gets only rows of his village and a
// township user only rows of his township (or roll-ups of their own unit's ancestors); a paired cadre
// only his paired households. Each list is first checked to hold foreign rows for the county, so the
// check cannot pass on an empty list.

const env = useTestApp();
const COUNTY = '140521000000';
const PERIOD = '2025-06';

/** Every 12-digit unit code a response names (villageCode, orgCode, code), at any depth. */
function codesOf(body: unknown, out: string[] = []): string[] {
  if (Array.isArray(body)) body.forEach((x) => codesOf(x, out));
  else if (body && typeof body === 'object') {
    for (const [k, v] of Object.entries(body)) {
      if ((k === 'villageCode' || k === 'orgCode' || k === 'code') && typeof v === 'string' && /^\d{12}$/.test(v))
        out.push(v);
      else codesOf(v, out);
    }
  }
  return out;
}

/** Household ids a response names (householdId), at any depth. */
function householdIdsOf(body: unknown, out: number[] = []): number[] {
  if (Array.isArray(body)) body.forEach((x) => householdIdsOf(x, out));
  else if (body && typeof body === 'object') {
    for (const [k, v] of Object.entries(body)) {
      if (k === 'householdId' && typeof v === 'number') out.push(v);
      else householdIdsOf(v, out);
    }
  }
  return out;
}

/** Outside the prefix; on a roll-up board the totals of the unit's own ancestors (of its own rows) are not foreign. */
const foreign =
  (prefix: string, rollUp = false) =>
  (code: string) =>
    !code.startsWith(prefix) && !(rollUp && prefix.startsWith(scopePrefixOf(code)));
const ROLL_UPS = new Set(['/api/cases/zeroing', '/api/cases/due', '/api/registry/quality']);

/** Fund rows name their project (or assignment), not a unit: the project's unit is the row's. */
async function fundCodesOf(url: string, body: unknown): Promise<string[]> {
  const items = (Array.isArray(body) ? body : ((body as { items?: unknown[] }).items ?? [])) as {
    projectId?: number;
    assignmentId?: number;
  }[];
  const ids = items.map((r) => r.projectId ?? r.assignmentId ?? 0);
  if (ids.length === 0) return [];
  const list = sql.join(
    ids.map((id) => sql`${id}`),
    sql`, `,
  );
  const rows = url.includes('assignments')
    ? await queryRows<{ code: string }>(
        env.services.db,
        sql`SELECT org_code AS code FROM project WHERE id IN (${list})`,
      )
    : await queryRows<{ code: string }>(
        env.services.db,
        sql`SELECT p.org_code AS code FROM fund_assignment a JOIN project p ON p.id = a.project_id WHERE a.id IN (${list})`,
      );
  return rows.map((r) => r.code);
}
const codesFor = async (url: string, body: unknown) =>
  url.startsWith('/api/funds/') ? fundCodesOf(url, body) : codesOf(body);

const LISTS = [
  '/api/registry/households?limit=200',
  '/api/registry/reviews',
  '/api/registry/quality',
  '/api/clues?limit=200',
  `/api/monitoring/warnings?period=${PERIOD}&limit=500`,
  '/api/cases?limit=200',
  '/api/cases/due',
  '/api/cases/zeroing',
  '/api/assistance/pairings?activeOnly=false',
  '/api/assistance/measures?limit=200',
  '/api/assistance/obligations?asOf=2026-01-01',
  '/api/relief/applications',
  '/api/projects',
  '/api/assets',
  '/api/deliberations',
  '/api/users',
  '/api/funds/assignments',
  '/api/funds/disbursements',
];

const PASSWORD = 'Scope#Rows2025';
const OTHER_VILLAGE = '140521101201'; // 中村镇
const cookieOf = (user: string) => env.login(user, user.startsWith('zc_') ? PASSWORD : undefined);
async function get(user: string, url: string) {
  return env.app.inject({ url, headers: { cookie: await cookieOf(user) } });
}
async function post(user: string, url: string, payload: object) {
  const res = await env.app.inject({ method: 'POST', url, headers: { cookie: await cookieOf(user) }, payload });
  expect(res.statusCode, `${url}: ${res.body}`).toBe(200);
  return res.json();
}

/** Rows in 中村镇 for the lists the demo fills only in 龙港镇: users, a village's pending edit, a case, a pairing, a measure, a relief application, a 四议两公开 record, a township project. */
async function foreignRows() {
  const s = env.services;
  const user = (username: string, role: 'townshipStaff' | 'villageOfficer' | 'cadre', orgCode: string) =>
    s.users.create(
      systemContext('test'),
      { username, displayName: username, role, orgCode, password: PASSWORD },
      { mustChangePassword: false },
    );
  await user('zc_staff', 'townshipStaff', '140521101000');
  await user('zc_village', 'villageOfficer', OTHER_VILLAGE);
  const zcCadre = await user('zc_cadre', 'cadre', '140521101000');
  await post(
    'zc_village',
    '/api/registry/households',
    householdRequest({ villageCode: OTHER_VILLAGE, householdNo: `${OTHER_VILLAGE}000901` }),
  );
  const h = await createMonitoredHousehold(
    env,
    householdRequest({
      villageCode: OTHER_VILLAGE,
      householdNo: `${OTHER_VILLAGE}000902`,
      kind: 'alleviated',
      alleviatedAttribute: 'general',
      monitoringType: 'unstable',
      identificationPeriod: '2025-03',
      riskTypes: ['illness'],
    }),
  );
  await post('county_staff', '/api/assistance/pairings', {
    householdId: h.id,
    cadreUserId: zcCadre.id,
    unit: '中村镇人民政府',
    startOn: '2025-04-01',
  });
  await post('county_staff', '/api/assistance/measures', {
    householdId: h.id,
    riskType: 'illness',
    category: 'health',
    subType: 'medicalPremiumSubsidy',
    department: '县医保局',
    startOn: '2025-04-15',
    amountFen: 38_000,
    status: 'ongoing',
  });
  // In the demo cadre's own township but paired with another cadre: still not his.
  const lgCadre = await user('zc_cadre_lg', 'cadre', '140521100000');
  const near = await createMonitoredHousehold(
    env,
    householdRequest({
      villageCode: '140521100202',
      householdNo: '140521100202000904',
      kind: 'alleviated',
      alleviatedAttribute: 'general',
      monitoringType: 'unstable',
      identificationPeriod: '2025-03',
      riskTypes: ['illness'],
    }),
  );
  await post('county_staff', '/api/assistance/pairings', {
    householdId: near.id,
    cadreUserId: lgCadre.id,
    unit: '龙港镇人民政府',
    startOn: '2025-04-01',
  });
  await post('county_staff', '/api/assistance/measures', {
    householdId: near.id,
    riskType: 'illness',
    category: 'health',
    subType: 'medicalPremiumSubsidy',
    department: '县医保局',
    startOn: '2025-04-15',
    amountFen: 38_000,
    status: 'ongoing',
  });
  const other = await post(
    'county_staff',
    '/api/registry/households',
    householdRequest({ villageCode: OTHER_VILLAGE, householdNo: `${OTHER_VILLAGE}000903` }),
  );
  const consent = { signed: true, signedOn: '2025-06-01', signer: '户主', method: 'signature' };
  const clue = await post('county_staff', '/api/clues/applications', {
    householdId: other.id,
    reason: '户主患病，医疗支出较大',
    riskTypes: ['illness'],
    consent,
  });
  await env.services.db.execute(
    sql`UPDATE clue SET opened_at = now() - interval '20 days' WHERE id = ${clue.clueIds[0]}`,
  );
  await post('zc_staff', '/api/cases/identifications', { clueId: clue.clueIds[0] });
  const [fund] = await queryRows<{ id: number }>(s.db, sql`SELECT id::int AS id FROM relief_fund ORDER BY id LIMIT 1`);
  await post('county_staff', '/api/relief/applications', {
    fundId: fund.id,
    householdId: h.id,
    reliefKind: 'temporary',
    eventType: 'illness',
    reason: '户主突发重病住院治疗',
    requestedFen: 100_000,
    appliedOn: '2025-07-01',
  });
  await post('county_admin', '/api/deliberations', {
    villageCode: OTHER_VILLAGE,
    subject: '村内道路硬化',
    purpose: 'other',
  });
  const project = await post('zc_staff', '/api/projects', {
    orgCode: '140521101000',
    name: '中村镇产业项目',
    type: 'industry',
    year: 2026,
    budget: { central: 100, provincial: 0, city: 0, county: 0 },
    beneficiaryHouseholds: 1,
    beneficiaryAlleviated: 1,
    farmerLinkage: '务工带动增收',
    performanceTargets: [{ indicator: '带动户数', value: '1户' }],
  });
  // Entered through its procedure elsewhere (projects.test.ts): here only admitted, then funded and paid.
  await s.db.execute(
    sql`UPDATE project SET status = 'admitted', entry_stage = 'admitted', admitted_on = '2026-03-01' WHERE id = ${project.id}`,
  );
  const [allocation] = await queryRows<{ id: number }>(
    s.db,
    sql`SELECT id::int AS id FROM fund_allocation ORDER BY id LIMIT 1`,
  );
  const ctx = systemContext('test');
  const assignment = await s.funds.assign(ctx, { allocationId: allocation.id, projectId: project.id, amountFen: 100 });
  await s.funds.disburse(ctx, {
    assignmentId: assignment.id,
    amountFen: 100,
    paidOn: '2026-05-20',
    voucherNo: '2026-记-0901',
    payee: '中村镇施工方',
    labour: false,
  });
  await s.assets.create(ctx, {
    name: '中村镇村级道路',
    category: 'publicWelfare',
    orgCode: OTHER_VILLAGE,
    originYear: 2019,
    fundSources: { central: 1000 },
    originalValueFen: 1000,
    bookValueFen: 800,
    location: null,
    quantity: 1,
    unit: '公里',
    ownerLevel: 'village',
    ownerName: '村股份经济合作社',
    operator: null,
    custodian: '村民委员会',
    custodianPerson: '村委会主任',
    beneficiaries: '脱贫户',
    photovoltaic: false,
  });
}

beforeAll(async () => {
  const s = env.services;
  await loadDemoHouseholds(s.db, createImportService(s.db, s.box, s.jobs), COUNTY, 80, DEMO_SEED, async () => {});
  await (
    await s.monitoring.runMonth(systemContext('test'), PERIOD, { countyCode: COUNTY })
  ).wait;
  await loadProjectsDemo(s);
  await loadAssistanceDemo(s);
  await loadCasesDemo(s);
  await foreignRows();
}, 300_000);

describe('no foreign rows in any list', () => {
  it.each(LISTS)('%s', async (url) => {
    const county = await get('county_admin', url);
    expect(county.statusCode, county.body).toBe(200);
    const all = await codesFor(url, county.json());
    for (const [user, prefix] of [
      ['village_officer', '140521100201'],
      ['township_staff', '140521100'],
    ] as const) {
      const res = await get(user, url);
      if (res.statusCode === 403) continue; // not his list at all (scope-matrix.test.ts)
      expect(res.statusCode, res.body).toBe(200);
      const codes = await codesFor(url, res.json());
      expect(codes.filter(foreign(prefix, ROLL_UPS.has(url))), `${user} ${url}`).toEqual([]);
      // Not vacuous: the county's answer holds rows this user must not see.
      expect(all.filter(foreign(prefix)).length, `foreign rows for ${user} in ${url}`).toBeGreaterThan(0);
    }
  });

  it.each([
    '/api/assistance/pairings?activeOnly=false',
    '/api/assistance/measures?limit=200',
    '/api/assistance/obligations?asOf=2026-01-01',
    '/api/assistance/workspace',
  ])('cadre: only paired households in %s', async (url) => {
    const paired = (
      await queryRows<{ id: number }>(
        env.services.db,
        sql`SELECT cp.household_id::int AS id FROM cadre_pairing cp JOIN app_user u ON u.id = cp.cadre_user_id WHERE u.username = 'cadre' AND cp.end_on IS NULL`,
      )
    ).map((r) => r.id);
    const staff = householdIdsOf((await get('county_admin', url)).json());
    const res = await get('cadre', url);
    expect(res.statusCode, res.body).toBe(200);
    const ids = householdIdsOf(res.json());
    expect(ids.length).toBeGreaterThan(0);
    expect(ids.filter((id) => !paired.includes(id))).toEqual([]);
    if (!url.endsWith('workspace'))
      expect(staff.filter((id) => !paired.includes(id)).length, `unpaired rows in ${url}`).toBeGreaterThan(0);
  });
});
