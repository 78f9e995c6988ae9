import { sql } from 'drizzle-orm';
import type { CreateHouseholdRequest } from '#common/contracts/registry.ts';
import { queryRows } from '#server/db/connect.ts';
import { householdRequest } from '#server/test/factories.ts';
import { createMonitoredHousehold, givesMonitoringStatus } from '#server/test/monitored.ts';
import type { TestApp, TestEnv } from '#server/test/test-app.ts';
import { monitoringRoutes } from './monitoring.routes.ts';
import { createMonitoringService, type MonitoringService } from './monitoring.service.ts';

// Test helpers: households through the registry API, department records inserted straight into
// feed_batch/feed_record (the feeds importer is tested on its own), and the monitoring service and
// routes whether or not app.ts wires them yet.

export interface TestHousehold {
  id: number;
  householdNo: string;
  villageCode: string;
  /** Person ids in the order of the request's members. */
  personIds: number[];
}

const cookies = new WeakMap<TestEnv, Map<string, string>>();

async function cookieOf(env: TestEnv, user: string): Promise<string> {
  const mine = cookies.get(env) ?? new Map<string, string>();
  cookies.set(env, mine);
  if (!mine.has(user)) mine.set(user, await env.login(user));
  return mine.get(user)!;
}

async function createOverHttp(env: TestEnv, body: CreateHouseholdRequest) {
  const res = await env.app.inject({
    method: 'POST',
    url: '/api/registry/households',
    headers: { cookie: await cookieOf(env, 'county_admin') },
    payload: body,
  });
  if (res.statusCode !== 200) throw new Error(`household not created: ${res.statusCode} ${res.body}`);
  return res.json() as {
    id: number;
    householdNo: string;
    villageCode: string;
    members: { personId: number; name: string }[];
  };
}

/** Over the API; with a monitoring status (which the API refuses) as the national import makes it. */
export async function createHousehold(
  env: TestEnv,
  overrides: Partial<CreateHouseholdRequest> = {},
): Promise<TestHousehold> {
  const body = householdRequest(overrides);
  const detail = givesMonitoringStatus(body)
    ? await createMonitoredHousehold(env, body)
    : await createOverHttp(env, body);
  const personIds = body.members.map((m) => detail.members.find((d) => d.name === m.name)!.personId);
  return { id: detail.id, householdNo: detail.householdNo, villageCode: detail.villageCode, personIds };
}

/** Yearly income with only wages, so per capita = wage ÷ members. */
export function wages(
  year: number,
  wageIncome: number,
  extra: Partial<NonNullable<CreateHouseholdRequest['income']>> = {},
): NonNullable<CreateHouseholdRequest['income']> {
  return {
    year,
    wageIncome,
    businessIncome: 0,
    propertyIncome: 0,
    transferIncome: 0,
    businessCost: 0,
    insurancePayout: 0,
    eligibleOutOfPocket: 0,
    ...extra,
  };
}

export interface FeedInput {
  source: string;
  item: string;
  on: string;
  amountFen?: number | null;
  attrs?: Record<string, string>;
}

let batchSeq = 0;

/** One feed batch holding records for persons (by registry person id); returns the batch id. */
export async function addFeeds(env: TestEnv, records: (FeedInput & { personId: number })[]): Promise<number> {
  batchSeq += 1;
  const db = env.services.db;
  const [batch] = await queryRows<{ id: number }>(
    db,
    sql`INSERT INTO feed_batch (county_code, source, file_name, content_hash, record_count, new_count, matched_count, unmatched_count, org_code)
      VALUES ('140521000000', ${records[0]?.source ?? 'medical'}, ${`test-${batchSeq}.csv`}, md5(random()::text) || md5(random()::text), ${records.length}, ${records.length}, ${records.length}, 0, '140521000000')
      RETURNING id::int AS id`,
  );
  for (const r of records) {
    await db.execute(sql`INSERT INTO feed_record (county_code, batch_id, source, item, id_hash, id_cipher, name, occurred_on, amount_fen, attrs, record_key)
      SELECT p.county_code, ${batch.id}, ${r.source}, ${r.item}, p.id_hash, p.id_cipher, p.name, ${r.on}::date, ${r.amountFen ?? null}::bigint,
        ${r.attrs ? JSON.stringify(r.attrs) : null}::jsonb, md5(random()::text) || md5(random()::text)
      FROM person p WHERE p.id = ${r.personId}`);
  }
  return batch.id;
}

/** The monitoring service of the test app, with its routes registered unless app.ts already does. */
export function monitoringOf(env: TestEnv): MonitoringService {
  const wired = (env.services as unknown as { monitoring?: MonitoringService }).monitoring;
  if (wired) return wired;
  const holder = env as TestEnv & { monitoringForTest?: MonitoringService };
  holder.monitoringForTest ??= createMonitoringService({ db: env.services.db, jobs: env.services.jobs });
  return holder.monitoringForTest;
}

export function withMonitoringRoutes(env: TestEnv): (app: TestApp) => void {
  return (app) => {
    if (!app.hasRoute({ method: 'GET', url: '/api/monitoring/runs' }))
      monitoringRoutes(app, { monitoring: monitoringOf(env) });
  };
}

export async function loginCookie(env: TestEnv, user: string): Promise<string> {
  return cookieOf(env, user);
}
