import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { adminQuery } from '../db/admin-query.ts';
import { inject } from 'vitest';
import { connect, type Database } from '../db/connect.ts';
import { withDatabase } from './global-setup.ts';

/**
 * A fresh, migrated database seeded with the demo county and demo users, private to the caller.
 * Embedded PGlite by default; a throw-away PostgreSQL database when TEST_DATABASE_URL is set.
 */
export async function createTestDatabase(): Promise<Database> {
  const url = process.env.TEST_DATABASE_URL;
  const pgTemplate = inject('pgTemplate');
  if (url && pgTemplate) {
    const name = `gl_t_${randomBytes(5).toString('hex')}`;
    await adminQuery(url, `CREATE DATABASE ${name} TEMPLATE ${pgTemplate}`);
    const database = await connect({ databaseUrl: withDatabase(url, name), poolSize: 4 });
    return {
      ...database,
      close: async () => {
        await database.close();
        await adminQuery(url, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      },
    };
  }
  const file = inject('pgliteTemplate');
  const client = await PGlite.create({ loadDataDir: new Blob([readFileSync(file)]) });
  return connect({ pglite: client });
}
