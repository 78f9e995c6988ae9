import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { adminQuery } from './admin-query.ts';
import { connect, queryRows, type Database } from './connect.ts';
import { withDatabase } from '../test/global-setup.ts';

const url = process.env.TEST_DATABASE_URL;

/** Sessions the server has open on `name`, seen from a connection to the maintenance database. */
async function sessionsOn(name: string, observer?: pg.Client): Promise<number[]> {
  const client = observer ?? new pg.Client({ connectionString: url });
  if (!observer) await client.connect();
  try {
    const { rows } = await client.query<{ pid: number }>(
      'SELECT pid FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()',
      [name],
    );
    return rows.map((r) => r.pid);
  } finally {
    if (!observer) await client.end();
  }
}

describe.skipIf(!url)('the PostgreSQL pool (connect)', () => {
  let name: string;
  let database: Database | undefined;

  beforeEach(async () => {
    name = `gl_c_${randomBytes(5).toString('hex')}`;
    await adminQuery(url!, `CREATE DATABASE ${name}`);
  });
  afterEach(async () => {
    await database?.close();
    database = undefined;
    await adminQuery(url!, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  });

  it('survives the server ending an idle session (a restart, an administrator) and answers again', async () => {
    database = await connect({ databaseUrl: withDatabase(url!, name), poolSize: 2 });
    const uncaught: unknown[] = [];
    const onUncaught = (error: unknown) => uncaught.push(error);
    process.prependListener('uncaughtException', onUncaught);
    try {
      await queryRows(database.db, sql`SELECT 1`);
      const [pid] = await sessionsOn(name);
      await adminQuery(url!, `SELECT pg_terminate_backend(${Number(pid)})`);
      for (let i = 0; i < 100 && (await sessionsOn(name)).includes(pid); i++)
        await new Promise((r) => setTimeout(r, 20));
      await new Promise((r) => setTimeout(r, 100)); // the FATAL message reaches the idle client
      const [{ n }] = await queryRows<{ n: number }>(database.db, sql`SELECT 2 AS n`);
      expect(n).toBe(2);
      expect(uncaught).toEqual([]);
    } finally {
      process.removeListener('uncaughtException', onUncaught);
    }
  });

  it('close() returns once every session has left, so the database can be dropped at once', async () => {
    database = await connect({ databaseUrl: withDatabase(url!, name), poolSize: 4 });
    await Promise.all([1, 2, 3, 4].map((n) => queryRows(database!.db, sql`SELECT pg_sleep(0.05), ${n}::int AS n`)));
    expect((await sessionsOn(name)).length).toBeGreaterThan(1);
    // Connected beforehand, so the look comes right after close() (opening a connection would give the sessions time).
    const observer = new pg.Client({ connectionString: url });
    await observer.connect();
    try {
      await database.close();
      database = undefined;
      expect(await sessionsOn(name, observer)).toEqual([]);
    } finally {
      await observer.end();
    }
  });
});
