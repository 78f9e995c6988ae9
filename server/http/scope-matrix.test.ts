import { describe, expect, it } from 'vitest';
import { DEMO_USERS } from '../demo.ts';
import { useTestApp } from '../test/test-app.ts';

// Every protected route × every role: allowed roles get data, everyone else 401/403/404 and no data.

const env = useTestApp();
// One sign-in per demo user for the whole matrix (≈400 cases): a login is a scrypt check and two writes, and what is
// tested here is the answer to each route, not the sign-in. No route of the matrix ends or changes a session.
const sessions = new Map<string, Promise<string>>();
const sessionOf = (username: string) => {
  if (!sessions.has(username)) sessions.set(username, env.login(username));
  return sessions.get(username)!;
};

type Username = (typeof DEMO_USERS)[number]['username'];
interface RouteCase {
  name: string;
  method: 'GET' | 'POST' | 'PATCH';
  url: string | (() => string);
  payload?: () => object;
  /** Expected status for each demo user. */
  expect: Record<Username, number>;
  /** Text that must never appear in a refused response. */
  secret?: string;
}

const everyone200 = {
  county_admin: 200,
  county_staff: 200,
  township_staff: 200,
  village_officer: 200,
  dept_medical: 200,
  cadre: 200,
  auditor: 200,
};
let n = 0;
const newUser = () => ({
  username: `matrix_${++n}`,
  displayName: '矩阵测试',
  role: 'villageOfficer',
  orgCode: '140521104201',
  password: 'Matrix#Pass01',
});

const routes: RouteCase[] = [
  { name: 'org tree', method: 'GET', url: '/api/org/tree', expect: everyone200 },
  {
    name: 'a township outside 龙港镇',
    method: 'GET',
    url: '/api/org/units/140521104000',
    expect: {
      county_admin: 200,
      county_staff: 200,
      township_staff: 404,
      village_officer: 404,
      dept_medical: 200,
      cadre: 404,
      auditor: 200,
    },
    secret: '嘉峰镇',
  },
  {
    name: 'children of another village',
    method: 'GET',
    url: '/api/org/units/140521100202/children',
    expect: {
      county_admin: 200,
      county_staff: 200,
      township_staff: 200,
      village_officer: 404,
      dept_medical: 200,
      cadre: 200,
      auditor: 200,
    },
  },
  {
    name: 'user list',
    method: 'GET',
    url: '/api/users',
    expect: {
      county_admin: 200,
      county_staff: 200,
      township_staff: 200,
      village_officer: 403,
      dept_medical: 403,
      cadre: 403,
      auditor: 200,
    },
    secret: 'county_admin',
  },
  {
    name: 'a county-level user',
    method: 'GET',
    url: '/api/users/1',
    expect: {
      county_admin: 200,
      county_staff: 200,
      township_staff: 404,
      village_officer: 403,
      dept_medical: 403,
      cadre: 403,
      auditor: 200,
    },
    secret: 'county_admin',
  },
  {
    name: 'create user',
    method: 'POST',
    url: '/api/users',
    payload: newUser,
    expect: {
      county_admin: 200,
      county_staff: 403,
      township_staff: 403,
      village_officer: 403,
      dept_medical: 403,
      cadre: 403,
      auditor: 403,
    },
  },
  {
    name: 'edit user',
    method: 'PATCH',
    url: '/api/users/2',
    payload: () => ({ displayName: '县乡村振兴局业务员' }),
    expect: {
      county_admin: 200,
      county_staff: 403,
      township_staff: 403,
      village_officer: 403,
      dept_medical: 403,
      cadre: 403,
      auditor: 403,
    },
  },
  {
    name: 'household registry',
    method: 'GET',
    url: '/api/registry/households',
    expect: {
      county_admin: 200,
      county_staff: 200,
      township_staff: 200,
      village_officer: 200,
      dept_medical: 403,
      cadre: 403,
      auditor: 200,
    },
  },
  {
    name: 'policy parameters',
    method: 'GET',
    url: '/api/params',
    expect: {
      county_admin: 200,
      county_staff: 200,
      township_staff: 200,
      village_officer: 200,
      dept_medical: 403,
      cadre: 200,
      auditor: 200,
    },
  },
  {
    name: 'set a policy parameter',
    method: 'POST',
    url: '/api/params',
    payload: () => ({
      key: 'workflow.noticeDays',
      value: 5,
      effectiveFrom: `2030-01-${String(10 + (++n % 18)).padStart(2, '0')}`,
    }),
    expect: {
      county_admin: 200,
      county_staff: 403,
      township_staff: 403,
      village_officer: 403,
      dept_medical: 403,
      cadre: 403,
      auditor: 403,
    },
  },
  {
    name: 'department feed batches',
    method: 'GET',
    url: '/api/feeds/batches',
    expect: {
      county_admin: 200,
      county_staff: 200,
      township_staff: 403,
      village_officer: 403,
      dept_medical: 200,
      cadre: 403,
      auditor: 200,
    },
  },
  {
    name: 'clue list',
    method: 'GET',
    url: '/api/clues',
    expect: {
      county_admin: 200,
      county_staff: 200,
      township_staff: 200,
      village_officer: 200,
      dept_medical: 403,
      cadre: 403,
      auditor: 200,
    },
  },
  {
    name: 'audit log',
    method: 'GET',
    url: '/api/audit',
    expect: {
      county_admin: 200,
      county_staff: 403,
      township_staff: 403,
      village_officer: 403,
      dept_medical: 403,
      cadre: 403,
      auditor: 200,
    },
    secret: 'login',
  },
  {
    name: 'attachments of a record',
    method: 'GET',
    url: '/api/attachments?ownerKind=visit&ownerId=1',
    expect: {
      county_admin: 200,
      county_staff: 200,
      township_staff: 200,
      village_officer: 200,
      dept_medical: 403,
      cadre: 200,
      auditor: 200,
    },
  },
  {
    name: 'case list',
    method: 'GET',
    url: '/api/cases',
    expect: {
      county_admin: 200,
      county_staff: 200,
      township_staff: 200,
      village_officer: 200,
      dept_medical: 403,
      cadre: 403,
      auditor: 200,
    },
  },
  {
    name: 'case time limits',
    method: 'GET',
    url: '/api/cases/due',
    expect: {
      county_admin: 200,
      county_staff: 200,
      township_staff: 200,
      village_officer: 200,
      dept_medical: 403,
      cadre: 403,
      auditor: 200,
    },
  },
  {
    name: 'dynamic-zeroing board',
    method: 'GET',
    url: '/api/cases/zeroing',
    expect: {
      county_admin: 200,
      county_staff: 200,
      township_staff: 200,
      village_officer: 200,
      dept_medical: 403,
      cadre: 403,
      auditor: 200,
    },
  },
  {
    name: 'monitored-household ledger export',
    method: 'GET',
    url: '/api/cases/ledgers/monitored.xlsx',
    expect: {
      county_admin: 200,
      county_staff: 200,
      township_staff: 200,
      village_officer: 200,
      dept_medical: 403,
      cadre: 403,
      auditor: 403,
    },
  },
  {
    name: 'a case that does not exist (or is outside scope)',
    method: 'GET',
    url: '/api/cases/999999',
    expect: {
      county_admin: 404,
      county_staff: 404,
      township_staff: 404,
      village_officer: 404,
      dept_medical: 403,
      cadre: 403,
      auditor: 404,
    },
  },
  {
    name: 'start a case from a clue that does not exist',
    method: 'POST',
    url: '/api/cases/identifications',
    payload: () => ({ clueId: 999999 }),
    expect: {
      county_admin: 404,
      county_staff: 404,
      township_staff: 404,
      village_officer: 404,
      dept_medical: 403,
      cadre: 403,
      auditor: 403,
    },
  },
  {
    name: 'an attachment that does not exist (or is outside scope)',
    method: 'GET',
    url: '/api/attachments/999999',
    expect: {
      county_admin: 404,
      county_staff: 404,
      township_staff: 404,
      village_officer: 404,
      dept_medical: 403,
      cadre: 404,
      auditor: 404,
    },
  },
  // Assistance (帮扶) and relief funds: a paired cadre reads (his own households), never writes or exports.
  ...(
    [
      '/api/assistance/pairings',
      '/api/assistance/measures',
      '/api/assistance/subtypes',
      '/api/assistance/obligations',
      '/api/assistance/workspace',
    ] as const
  ).map((url): RouteCase => ({
    name: `assistance read ${url}`,
    method: 'GET',
    url,
    expect: { ...everyone200, dept_medical: 403 },
  })),
  {
    name: 'assistance: cadres to pair',
    method: 'GET',
    url: '/api/assistance/cadres',
    expect: {
      county_admin: 200,
      county_staff: 200,
      township_staff: 200,
      village_officer: 403,
      dept_medical: 403,
      cadre: 403,
      auditor: 403,
    },
  },
  {
    name: 'assistance: a household that does not exist (or is outside reach)',
    method: 'GET',
    url: '/api/assistance/households/999999',
    expect: {
      county_admin: 404,
      county_staff: 404,
      township_staff: 404,
      village_officer: 404,
      dept_medical: 403,
      cadre: 404,
      auditor: 404,
    },
  },
  {
    name: 'assistance: record a measure (household outside reach)',
    method: 'POST',
    url: '/api/assistance/measures',
    payload: () => ({
      householdId: 999999,
      riskType: 'illness',
      category: 'health',
      department: '县医保局',
      startOn: '2025-03-01',
    }),
    expect: {
      county_admin: 404,
      county_staff: 404,
      township_staff: 404,
      village_officer: 404,
      dept_medical: 403,
      cadre: 403,
      auditor: 403,
    },
  },
  {
    name: 'assistance: pair a cadre (household outside reach)',
    method: 'POST',
    url: '/api/assistance/pairings',
    payload: () => ({ householdId: 999999, cadreUserId: 1, unit: '县乡村振兴局', startOn: '2025-03-01' }),
    expect: {
      county_admin: 404,
      county_staff: 404,
      township_staff: 404,
      village_officer: 403,
      dept_medical: 403,
      cadre: 403,
      auditor: 403,
    },
  },
  {
    name: 'assistance: edit the sub-type code list',
    method: 'POST',
    url: '/api/assistance/subtypes',
    payload: () => ({ category: 'industry', code: 'matrixCheck', labelZh: '矩阵测试' }),
    expect: {
      county_admin: 200,
      county_staff: 403,
      township_staff: 403,
      village_officer: 403,
      dept_medical: 403,
      cadre: 403,
      auditor: 403,
    },
  },
  {
    name: 'assistance: measure ledger export',
    method: 'GET',
    url: '/api/assistance/measures/export.xlsx',
    expect: { ...everyone200, dept_medical: 403, cadre: 403 },
  },
  ...(['/api/relief/funds', '/api/relief/applications'] as const).map((url): RouteCase => ({
    name: `relief read ${url}`,
    method: 'GET',
    url,
    expect: { ...everyone200, dept_medical: 403, cadre: 403 },
  })),
  {
    name: 'relief: a fund outside the county',
    method: 'POST',
    url: '/api/relief/funds',
    payload: () => ({ orgCode: '140522000000', name: '外县基金', kind: 'emergency' }),
    expect: {
      county_admin: 404,
      county_staff: 404,
      township_staff: 404,
      village_officer: 403,
      dept_medical: 403,
      cadre: 403,
      auditor: 403,
    },
  },
  {
    name: 'relief: ledger of a fund that does not exist',
    method: 'GET',
    url: '/api/relief/funds/999999/ledger.xlsx',
    expect: {
      county_admin: 404,
      county_staff: 404,
      township_staff: 404,
      village_officer: 404,
      dept_medical: 403,
      cadre: 403,
      auditor: 404,
    },
  },
  // Projects, funds, assets, 四议两公开 (issue #7).
  {
    name: 'project library',
    method: 'GET',
    url: '/api/projects',
    expect: { ...everyone200, cadre: 403 },
  },
  {
    name: 'declare a project in 东庄村 (village officers declare village projects)',
    method: 'POST',
    url: '/api/projects',
    payload: () => ({
      orgCode: '140521100201',
      name: '矩阵测试项目',
      type: 'industry',
      year: 2026,
      budget: { central: 100, provincial: 0, city: 0, county: 0 },
      beneficiaryHouseholds: 1,
      beneficiaryAlleviated: 1,
      farmerLinkage: '务工带动增收',
      performanceTargets: [{ indicator: '带动户数', value: '1户' }],
    }),
    expect: {
      county_admin: 403,
      county_staff: 403,
      township_staff: 403,
      village_officer: 200,
      dept_medical: 403,
      cadre: 403,
      auditor: 403,
    },
  },
  {
    name: 'declare a project in a 嘉峰镇 village',
    method: 'POST',
    url: '/api/projects',
    payload: () => ({
      orgCode: '140521104201',
      name: '矩阵测试项目',
      type: 'industry',
      year: 2026,
      budget: { central: 100, provincial: 0, city: 0, county: 0 },
      beneficiaryHouseholds: 1,
      beneficiaryAlleviated: 1,
      farmerLinkage: '务工带动增收',
      performanceTargets: [{ indicator: '带动户数', value: '1户' }],
    }),
    expect: {
      county_admin: 403,
      county_staff: 403,
      township_staff: 404,
      village_officer: 404,
      dept_medical: 403,
      cadre: 403,
      auditor: 403,
    },
  },
  {
    name: 'a project that does not exist (or is outside scope)',
    method: 'GET',
    url: '/api/projects/999999',
    expect: {
      county_admin: 404,
      county_staff: 404,
      township_staff: 404,
      village_officer: 404,
      dept_medical: 404,
      cadre: 403,
      auditor: 404,
    },
  },
  {
    name: 'project library export',
    method: 'GET',
    url: '/api/projects/export.xlsx',
    expect: { ...everyone200, cadre: 403 },
  },
  {
    name: 'fund checks',
    method: 'GET',
    url: '/api/funds/checks?year=2026',
    expect: {
      county_admin: 200,
      county_staff: 200,
      township_staff: 200,
      village_officer: 403,
      dept_medical: 403,
      cadre: 403,
      auditor: 200,
    },
  },
  {
    name: 'fund ledger export',
    method: 'GET',
    url: '/api/funds/export.xlsx?year=2026',
    expect: {
      county_admin: 200,
      county_staff: 200,
      township_staff: 200,
      village_officer: 403,
      dept_medical: 403,
      cadre: 403,
      auditor: 200,
    },
  },
  {
    name: 'register a fund allocation',
    method: 'POST',
    url: '/api/funds/allocations',
    payload: () => ({
      year: 2026,
      source: 'central',
      docNo: '矩阵〔2026〕1号',
      receivedOn: '2026-01-10',
      amountFen: 100,
    }),
    expect: {
      county_admin: 200,
      county_staff: 200,
      township_staff: 403,
      village_officer: 403,
      dept_medical: 403,
      cadre: 403,
      auditor: 403,
    },
  },
  {
    name: 'asset ledger',
    method: 'GET',
    url: '/api/assets',
    expect: { ...everyone200, dept_medical: 403, cadre: 403 },
  },
  {
    name: 'asset ledger export',
    method: 'GET',
    url: '/api/assets/export.xlsx',
    expect: { ...everyone200, dept_medical: 403, cadre: 403 },
  },
  {
    name: 'asset ledger of another township',
    method: 'GET',
    url: '/api/assets?orgCode=140521104000',
    expect: {
      county_admin: 200,
      county_staff: 200,
      township_staff: 404,
      village_officer: 404,
      dept_medical: 403,
      cadre: 403,
      auditor: 200,
    },
  },
  {
    name: 'entry step on a project that does not exist (or is outside scope)',
    method: 'POST',
    url: '/api/projects/999999/entry',
    payload: () => ({ action: 'complete', version: 1 }),
    expect: {
      county_admin: 404,
      county_staff: 404,
      township_staff: 404,
      village_officer: 404,
      dept_medical: 404,
      cadre: 403,
      auditor: 403,
    },
  },
  {
    name: 'asset income on an asset that does not exist (or is outside scope)',
    method: 'POST',
    url: '/api/assets/999999/incomes',
    payload: () => ({
      year: 2026,
      receivedOn: '2026-06-30',
      amountFen: 100,
      distribution: { operation: 100, consolidation: 0, publicWelfare: 0, publicWelfarePosts: 0 },
      deliberationId: 1,
    }),
    expect: {
      county_admin: 404,
      county_staff: 404,
      township_staff: 404,
      village_officer: 404,
      dept_medical: 403,
      cadre: 403,
      auditor: 403,
    },
  },
  {
    name: '四议两公开 records',
    method: 'GET',
    url: '/api/deliberations',
    expect: { ...everyone200, dept_medical: 403, cadre: 403 },
  },
  {
    name: '四议两公开 in a 嘉峰镇 village',
    method: 'POST',
    url: '/api/deliberations',
    payload: () => ({ villageCode: '140521104201', subject: '矩阵测试议题', purpose: 'other' }),
    expect: {
      county_admin: 200,
      county_staff: 200,
      township_staff: 404,
      village_officer: 404,
      dept_medical: 403,
      cadre: 403,
      auditor: 403,
    },
  },
  // Indicators (issue #8): department users and paired cadres have no access; auditors read.
  ...(
    [
      '/api/indicators/cockpit?period=2025-06',
      '/api/indicators/targets',
      '/api/indicators/definitions',
      '/api/indicators/assessment?year=2025',
      '/api/indicators/cockpit.xlsx?period=2025-06',
      '/api/indicators/form?dataSet=VILLAGE_LIVING&org=140521100201&period=2025-06',
      '/api/indicators/approvals?dataSet=VILLAGE_LIVING&period=2025-06',
    ] as const
  ).map((url): RouteCase => ({
    name: `indicators read ${url}`,
    method: 'GET',
    url,
    expect: { ...everyone200, dept_medical: 403, cadre: 403 },
  })),
  {
    name: 'indicators: cockpit of 中村镇 (outside 龙港镇)',
    method: 'GET',
    url: '/api/indicators/cockpit?org=140521101000&period=2025-06',
    expect: {
      county_admin: 200,
      county_staff: 200,
      township_staff: 404,
      village_officer: 404,
      dept_medical: 403,
      cadre: 403,
      auditor: 200,
    },
    secret: '中村镇',
  },
  {
    name: 'indicators: import (dry run)',
    method: 'POST',
    url: '/api/indicators/import',
    payload: () => ({ format: 'json', content: '[]', dryRun: true }),
    expect: {
      county_admin: 200,
      county_staff: 200,
      township_staff: 200,
      village_officer: 200,
      dept_medical: 403,
      cadre: 403,
      auditor: 403,
    },
  },
  {
    name: 'indicators: approve a 中村镇 village (not submitted)',
    method: 'POST',
    url: '/api/indicators/approvals/approve',
    payload: () => ({ dataSet: 'VILLAGE_LIVING', org: '140521101201', period: '2025-06' }),
    expect: {
      county_admin: 409,
      county_staff: 409,
      township_staff: 404,
      village_officer: 403,
      dept_medical: 403,
      cadre: 403,
      auditor: 403,
    },
  },
  {
    name: 'indicators: set a target (county administrators)',
    method: 'POST',
    url: '/api/indicators/targets',
    payload: () => ({
      indicator: 'TAP_WATER_RATE',
      scope: { kind: 'unit', code: '140521100000' },
      fromYear: 2030,
      toYear: 2030,
      op: '>=',
      value: 95,
      band: 1,
      sourceDoc: '矩阵',
      sourceText: '矩阵测试',
    }),
    expect: {
      county_admin: 200,
      county_staff: 403,
      township_staff: 403,
      village_officer: 403,
      dept_medical: 403,
      cadre: 403,
      auditor: 403,
    },
  },
];

describe.each(routes)('$method $name', (route) => {
  const url = () => (typeof route.url === 'string' ? route.url : route.url());

  it('refuses an anonymous caller with 401', async () => {
    const res = await env.app.inject({ method: route.method, url: url(), payload: route.payload?.() });
    expect(res.statusCode).toBe(401);
  });

  it.each(DEMO_USERS.map((u) => u.username))('%s', async (username) => {
    const cookie = await sessionOf(username);
    const res = await env.app.inject({
      method: route.method,
      url: url(),
      headers: { cookie },
      payload: route.payload?.(),
    });
    const expected = route.expect[username as Username];
    expect(res.statusCode, res.body).toBe(expected);
    if (expected >= 400) {
      expect(Object.keys(res.json())).toEqual(['error']);
      if (route.secret) expect(res.body).not.toContain(route.secret);
    }
  });
});

describe('scope on writes', () => {
  it('a county admin cannot create a user at a unit outside the county', async () => {
    const cookie = await env.login('county_admin');
    const res = await env.app.inject({
      method: 'POST',
      url: '/api/users',
      headers: { cookie },
      payload: { ...newUser(), orgCode: '140522100201' },
    });
    expect(res.statusCode).toBe(404);
  });

  it('a role must sit at its level: a village officer on a township is refused with a field message', async () => {
    const cookie = await env.login('county_admin');
    const res = await env.app.inject({
      method: 'POST',
      url: '/api/users',
      headers: { cookie },
      payload: { ...newUser(), orgCode: '140521104000' },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields[0]).toMatchObject({ field: 'role', messageZh: expect.stringContaining('行政村') });
  });

  it('a closed unit cannot receive users', async () => {
    const cookie = await env.login('county_admin');
    const res = await env.app.inject({
      method: 'POST',
      url: '/api/users',
      headers: { cookie },
      payload: { ...newUser(), role: 'townshipStaff', orgCode: '140521200000' },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields[0].field).toBe('orgCode');
  });
});
