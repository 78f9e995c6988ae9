import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import pg from 'pg';
import * as schema from './schema/index.ts';

export type Schema = typeof schema;
/** The one typed handle every repository receives, whichever engine is behind it. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type DatabaseKind = 'pglite' | 'postgres';

export interface Database {
  db: Db;
  kind: DatabaseKind;
  migrate(): Promise<void>;
  close(): Promise<void>;
}

export const MIGRATIONS_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'migrations');

export type ConnectOptions = { databaseUrl: string; poolSize?: number } | { dataDir: string } | { pglite: PGlite };

/** PostgreSQL when a URL is given, otherwise embedded PGlite in a directory (or an existing instance). */
export async function connect(options: ConnectOptions): Promise<Database> {
  if ('databaseUrl' in options) {
    const pool = new pg.Pool({ connectionString: options.databaseUrl, max: options.poolSize ?? 10 });
    const db = drizzlePg(pool, { schema }) as unknown as Db;
    return {
      db,
      kind: 'postgres',
      migrate: () => migratePg(db as never, { migrationsFolder: MIGRATIONS_DIR }),
      close: endWhenClosed(pool),
    };
  }
  const client = 'pglite' in options ? options.pglite : await PGlite.create(path.join(options.dataDir, 'pglite'));
  const db = drizzlePglite(client, { schema }) as unknown as Db;
  return {
    db,
    kind: 'pglite',
    migrate: () => migratePglite(db as never, { migrationsFolder: MIGRATIONS_DIR }),
    close: () => client.close(),
  };
}

/**
 * An idle session the server ends (a restart, an administrator, `DROP DATABASE … WITH (FORCE)`) reaches the pool as
 * an 'error' event; with no listener Node throws it and the process dies. It is logged and the pool opens a new
 * session when next asked. And `pool.end()` resolves as soon as it has let its clients go, before their sessions
 * have closed: the returned close waits for each (pg-pool's 'remove' follows a client's end).
 */
function endWhenClosed(pool: pg.Pool): () => Promise<void> {
  let open = 0;
  let allClosed: (() => void) | undefined;
  pool.on('error', (error) => console.warn(`PostgreSQL ended an idle session: ${error.message}`));
  pool.on('connect', () => (open += 1));
  pool.on('remove', () => {
    open -= 1;
    if (open === 0) allClosed?.();
  });
  return async () => {
    const closed = new Promise<void>((resolve) => (allClosed = resolve));
    await pool.end();
    if (open > 0) await closed;
  };
}

/** Rows of a raw SQL statement, the same shape on both engines. */
export async function queryRows<T>(db: Db, query: Parameters<Db['execute']>[0]): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}
