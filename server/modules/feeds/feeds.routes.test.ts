import { beforeAll, describe, expect, it } from 'vitest';
import { MAX_PUSH_RECORDS } from '#common/contracts/feeds.ts';
import { systemContext } from '#server/lib/context.ts';
import { householdRequest, makeIdNumber } from '#server/test/factories.ts';
import { csvFile, feedCounts, FEED_HEADER, multipartUpload, useFeedsTestApp } from './feeds.test-support.ts';

const env = useFeedsTestApp();
let person = '';
const stranger = makeIdNumber('1975-06-06', 'female');

beforeAll(async () => {
  const body = householdRequest();
  await env.services.registry.create(systemContext('test'), body);
  person = body.members[0].idNumber;
});

async function upload(user: string, file: Buffer, query = '') {
  const cookie = await env.login(user);
  const { payload, headers } = multipartUpload('医保数据.csv', file);
  return env.app.inject({ method: 'POST', url: `/api/feeds/import${query}`, headers: { ...headers, cookie }, payload });
}

async function jobResult(user: string, jobId: number) {
  const cookie = await env.login(user);
  for (let i = 0; i < 200; i++) {
    const res = await env.app.inject({ method: 'GET', url: `/api/jobs/${jobId}`, headers: { cookie } });
    expect(res.statusCode, res.body).toBe(200);
    const job = res.json();
    if (job.status !== 'running') return job;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error('job did not finish');
}

async function push(user: string, body: unknown) {
  const cookie = await env.login(user);
  return env.app.inject({ method: 'POST', url: '/api/feeds/records', headers: { cookie }, payload: body as object });
}

const medicalFile = () =>
  csvFile([
    FEED_HEADER,
    [person, '王建国', '医保', '住院自付', '2025-02-03', '5200', ''],
    [stranger, '孙梅', '医保', '未参保', '2025-02-04', '', ''],
  ]);

describe('POST /api/feeds/import', () => {
  it('runs a dry run as a job whose result holds the counts, writing nothing', async () => {
    const before = await feedCounts(env.services.db);
    const res = await upload('county_staff', medicalFile(), '?dryRun=true');
    expect(res.statusCode, res.body).toBe(200);
    const job = await jobResult('county_staff', res.json().jobId);
    expect(job).toMatchObject({
      kind: 'feeds.import',
      status: 'succeeded',
      result: { status: 'checked', fileName: '医保数据.csv', rowCount: 2 },
    });
    expect(job.result.batches[0]).toMatchObject({ source: 'medical', matchedCount: 1, unmatchedCount: 1 });
    expect(await feedCounts(env.services.db)).toEqual(before);
  });

  it('imports for a department user, then recognises the same file', async () => {
    const first = await jobResult('dept_medical', (await upload('dept_medical', medicalFile())).json().jobId);
    // Whether an ID is registered is not the department's to learn (不在本辖区): no match figures for it.
    expect(first.result).toMatchObject({
      status: 'imported',
      batches: [{ source: 'medical', newCount: 2, matchedCount: null, unmatchedCount: null }],
    });
    const again = await jobResult('dept_medical', (await upload('dept_medical', medicalFile())).json().jobId);
    expect(again.result).toMatchObject({
      status: 'alreadyImported',
      batches: [{ newCount: 0, batchId: first.result.batches[0].batchId }],
    });
  });

  it('refuses village officers and township staff, and a department naming another source', async () => {
    expect((await upload('village_officer', medicalFile())).statusCode).toBe(403);
    expect((await upload('township_staff', medicalFile())).statusCode).toBe(403);
    expect((await upload('dept_medical', medicalFile(), '?source=education')).statusCode).toBe(403);
  });

  it("reports another source's rows in a department's file as row errors", async () => {
    const file = csvFile([FEED_HEADER, [stranger, '孙梅', '教育', '辍学', '2025-02-04', '', '']]);
    const job = await jobResult('dept_medical', (await upload('dept_medical', file)).json().jobId);
    expect(job.result).toMatchObject({ status: 'rejected', errors: [{ row: 2, column: '数据来源', value: '教育' }] });
  });

  it('shows the job only within its scope', async () => {
    const { jobId } = (await upload('county_staff', medicalFile(), '?dryRun=1')).json();
    await jobResult('county_staff', jobId);
    const cookie = await env.login('village_officer');
    expect((await env.app.inject({ method: 'GET', url: `/api/jobs/${jobId}`, headers: { cookie } })).statusCode).toBe(
      404,
    );
  });

  it('answers 400 without a file', async () => {
    const cookie = await env.login('county_staff');
    const res = await env.app.inject({
      method: 'POST',
      url: '/api/feeds/import',
      headers: { cookie, 'content-type': 'application/json' },
      payload: {},
    });
    expect(res.statusCode).toBe(400);
  });
});

describe('POST /api/feeds/records (department push)', () => {
  const records = () => [
    { idNumber: person, name: '王建国', item: 'outpatientOutOfPocket', occurredOn: '2025-05-01', amountYuan: 620.5 },
    {
      idNumber: stranger,
      name: '孙梅',
      item: '门诊自付',
      occurredOn: '2025-05-02',
      amountYuan: '75',
      note: '慢病',
      attrs: { 渠道: '接口' },
    },
  ];

  it('stores records with counts and is idempotent', async () => {
    const res = await push('dept_medical', { source: 'medical', records: records() });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      status: 'imported',
      rowCount: 2,
      unknownColumns: ['attrs.渠道'],
      batches: [{ source: 'medical', newCount: 2, matchedCount: null, unmatchedCount: null }],
    });
    const before = await feedCounts(env.services.db);
    const again = await push('dept_medical', { source: 'medical', records: records().reverse() });
    expect(again.json()).toMatchObject({ status: 'alreadyImported', batches: [{ newCount: 0 }] });
    expect(await feedCounts(env.services.db)).toEqual(before);
  });

  it("a department's dry run cannot tell whether an ID is registered; county staff's can", async () => {
    const dry = await push('dept_medical', { source: 'medical', dryRun: true, records: records() });
    expect(dry.statusCode, dry.body).toBe(200);
    expect(dry.json().batches).toEqual([
      expect.objectContaining({ source: 'medical', matchedCount: null, unmatchedCount: null }),
    ]);
    const staff = await push('county_staff', { source: 'medical', dryRun: true, records: records() });
    expect(staff.json().batches).toEqual([
      expect.objectContaining({ status: expect.any(String), matchedCount: 1, unmatchedCount: 1 }),
    ]);
  });

  it('refuses a department pushing another source, and roles without push', async () => {
    expect(
      (
        await push('dept_medical', {
          source: 'education',
          records: [{ ...records()[1], item: '辍学', amountYuan: null }],
        })
      ).statusCode,
    ).toBe(403);
    expect((await push('village_officer', { source: 'medical', records: records() })).statusCode).toBe(403);
    expect((await push('auditor', { source: 'medical', records: records() })).statusCode).toBe(403);
  });

  it('lets county staff push any source', async () => {
    const res = await push('county_staff', {
      source: 'housing',
      records: [
        { idNumber: stranger, name: '孙梅', item: '危房鉴定', occurredOn: '2025-05-03', attrs: { houseGrade: 'D' } },
      ],
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().batches[0]).toMatchObject({ source: 'housing', newCount: 1 });
  });

  it('answers bad records with bilingual field messages and writes nothing', async () => {
    const before = await feedCounts(env.services.db);
    const bad = [records()[0], { ...records()[1], idNumber: '123', amountYuan: null, attrs: { 等级: 'B' } }];
    const res = await push('dept_medical', { source: 'medical', records: bad });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields).toEqual([
      {
        field: 'records[1].idNumber',
        messageZh: '证件号码应为18位，实际为3位',
        messageEn: 'ID number must have 18 characters, got 3',
      },
      {
        field: 'records[1].amountYuan',
        messageZh: '事项"门诊自付"须填写金额',
        messageEn: 'Item "门诊自付" needs an amount',
      },
      {
        field: 'records[1].attrs.houseGrade',
        messageZh: '"等级"不适用于医保数据',
        messageEn: 'Column "等级" does not apply to medical data',
      },
    ]);
    expect(res.body).not.toContain(person);
    expect(await feedCounts(env.services.db)).toEqual(before);
  });

  it(`refuses more than ${MAX_PUSH_RECORDS} records per call`, async () => {
    const many = Array.from({ length: MAX_PUSH_RECORDS + 1 }, () => records()[0]);
    const res = await push('dept_medical', { source: 'medical', records: many });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields[0]).toMatchObject({ field: 'records', messageEn: expect.stringContaining('10000') });
  });
});

describe('GET /api/feeds/batches and records', () => {
  async function get(user: string, url: string) {
    return env.app.inject({ method: 'GET', url, headers: { cookie: await env.login(user) } });
  }

  it('shows a department user only their own source; county staff and auditors see all', async () => {
    const mine = (await get('dept_medical', '/api/feeds/batches')).json();
    expect(mine.items.length).toBeGreaterThan(0);
    expect(new Set(mine.items.map((b: { source: string }) => b.source))).toEqual(new Set(['medical']));
    expect(mine.items[0]).toMatchObject({
      uploadedByName: '县医保局数据员',
      sourceLabel: '医保',
      createdAt: expect.any(String),
    });
    const all = (await get('county_staff', '/api/feeds/batches')).json();
    expect(all.items.map((b: { source: string }) => b.source)).toContain('housing');
    expect((await get('auditor', '/api/feeds/batches')).statusCode).toBe(200);
    expect((await get('dept_medical', '/api/feeds/batches?source=housing')).statusCode).toBe(403);
    expect((await get('village_officer', '/api/feeds/batches')).statusCode).toBe(403);
  });

  it('pages batches by number with the total, sorts by a whitelisted key, and refuses another', async () => {
    const all = (await get('county_staff', '/api/feeds/batches?page=1&pageSize=200')).json();
    expect(all.total).toBe(all.items.length);
    expect(all.total).toBeGreaterThan(1);
    const first = (await get('county_staff', '/api/feeds/batches?page=1&pageSize=1')).json();
    expect(first).toMatchObject({ total: all.total, page: 1, pageSize: 1 });
    expect(first.items).toHaveLength(1);
    // Newest first by default; page 2 is the next one.
    expect(first.items[0].id).toBe(Math.max(...all.items.map((b: { id: number }) => b.id)));
    const second = (await get('county_staff', '/api/feeds/batches?page=2&pageSize=1')).json();
    expect(second.items[0].id).not.toBe(first.items[0].id);
    const byCount = (await get('county_staff', '/api/feeds/batches?page=1&pageSize=200&sort=recordCount&order=desc'))
      .json()
      .items.map((b: { recordCount: number }) => b.recordCount);
    expect(byCount).toEqual([...byCount].sort((a: number, b: number) => b - a));
    // The total counts what the filter matches, not the page.
    const medical = (await get('county_staff', '/api/feeds/batches?source=medical&page=1&pageSize=1')).json();
    const medicalCount = all.items.filter((b: { source: string }) => b.source === 'medical').length;
    expect(medical.total).toBe(medicalCount);
    const bad = await get('county_staff', '/api/feeds/batches?page=1&sort=fileName');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields[0].field).toBe('querystring.sort');
  });

  it('lists a batch’s records with masked IDs and the matched flag, paged by id', async () => {
    const medical = (await get('county_staff', '/api/feeds/batches?source=medical')).json().items.at(-1);
    const page = (await get('dept_medical', `/api/feeds/batches/${medical.id}/records?limit=1`)).json();
    expect(page.items).toHaveLength(1);
    expect(page.nextAfterId).toBe(page.items[0].id);
    const rest = (
      await get('dept_medical', `/api/feeds/batches/${medical.id}/records?afterId=${page.nextAfterId}`)
    ).json();
    const both = [...page.items, ...rest.items];
    expect(both.map((r: { idMasked: string; matched: boolean | null }) => [r.idMasked, r.matched])).toEqual([
      [`${person.slice(0, 4)}**********${person.slice(-4)}`, null],
      [`${stranger.slice(0, 4)}**********${stranger.slice(-4)}`, null],
    ]);
    expect(JSON.stringify(both)).not.toContain(person);
    // County staff, who read the registry, see the matched flag.
    const staff = (await get('county_staff', `/api/feeds/batches/${medical.id}/records`)).json().items;
    expect(staff.map((r: { matched: boolean }) => r.matched)).toEqual([true, false]);
  });

  it('hides batches of other sources from a department user', async () => {
    const housing = (await get('county_staff', '/api/feeds/batches?source=housing')).json().items[0];
    expect((await get('dept_medical', `/api/feeds/batches/${housing.id}/records`)).statusCode).toBe(404);
    expect((await get('county_staff', `/api/feeds/batches/${housing.id}/records`)).json().items[0]).toMatchObject({
      itemLabel: '危房鉴定',
      attrs: { houseGrade: 'D' },
    });
  });
});
