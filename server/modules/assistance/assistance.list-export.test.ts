import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { householdRequest } from '#server/test/factories.ts';
import { createMonitoredHousehold } from '#server/test/monitored.ts';
import { useTestApp } from '#server/test/test-app.ts';

// Export of what is filtered (issue 16 point 5): the measure ledger takes the list's filters, and the
// list's total is the number of rows the ledger writes (one where-clause for both).

const env = useTestApp();
const get = async (url: string) => env.app.inject({ url, headers: { cookie: await env.login('county_staff') } });

async function exportedHouseholdNos(query: string): Promise<string[]> {
  const res = await get(`/api/assistance/measures/export.xlsx?${query}`);
  expect(res.statusCode, res.body).toBe(200);
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
  const nos: string[] = [];
  book.worksheets[0].eachRow((row) => {
    const first = String(row.getCell(1).value ?? '');
    if (/^\d{16}$/.test(first)) nos.push(first);
  });
  return nos.sort();
}

beforeAll(async () => {
  const cookie = await env.login('county_staff');
  const measures = [
    ['health', 'medicalPremiumSubsidy', 'ongoing'],
    ['health', 'medicalPremiumSubsidy', 'completed'],
    ['otherEducation', 'educationGrant', 'ongoing'],
  ];
  for (const [i, [category, subType, status]] of measures.entries()) {
    const h = await createMonitoredHousehold(
      env,
      householdRequest({
        kind: 'alleviated',
        alleviatedAttribute: 'general',
        monitoringType: 'unstable',
        identificationPeriod: '2025-03',
        riskTypes: ['illness'],
        villageCode: i === 2 ? '140521101201' : '140521100201',
      }),
    );
    const res = await env.app.inject({
      method: 'POST',
      url: '/api/assistance/measures',
      headers: { cookie },
      payload: {
        householdId: h.id,
        riskType: 'illness',
        category,
        subType,
        department: '县医保局',
        startOn: '2025-03-15',
        amountFen: 38_000,
        status,
        endOn: status === 'completed' ? '2025-06-30' : undefined,
      },
    });
    expect(res.statusCode, res.body).toBe(200);
  }
});

describe('the measure list and its export', () => {
  it.each([
    ['', 3],
    ['category=health', 2],
    ['category=health&status=ongoing', 1],
    ['orgCode=140521101000', 1],
  ])('agree for the filter "%s": the total is the number of exported rows', async (query, expected) => {
    const list = (await get(`/api/assistance/measures?limit=200&${query}`)).json();
    expect(list.total).toBe(expected);
    const listed = list.items.map((m: { householdNo: string }) => m.householdNo).sort();
    expect(await exportedHouseholdNos(query)).toEqual(listed);
  });

  it('pages by number with the total, sorts by a whitelisted key, and refuses another', async () => {
    const first = (await get('/api/assistance/measures?page=1&pageSize=2&sort=amountFen&order=desc')).json();
    expect(first).toMatchObject({ total: 3, page: 1, pageSize: 2 });
    expect(first.items).toHaveLength(2);
    const second = (await get('/api/assistance/measures?page=2&pageSize=2&sort=amountFen&order=desc')).json();
    expect(second.items).toHaveLength(1);
    const ids = [...first.items, ...second.items].map((m: { id: number }) => m.id);
    expect(new Set(ids).size).toBe(3);
    const byStart = (await get('/api/assistance/measures?page=1&sort=status&order=desc')).json().items;
    const statuses = byStart.map((m: { status: string }) => m.status);
    expect(statuses).toEqual([...statuses].sort().reverse());
    const bad = await get('/api/assistance/measures?page=1&sort=householdNo');
    expect(bad.statusCode).toBe(400);
  });

  it('refuses an unknown category in the export with a field message', async () => {
    const res = await get('/api/assistance/measures/export.xlsx?category=lottery');
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields[0].field).toBe('querystring.category');
  });
});
