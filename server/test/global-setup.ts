import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { createServices } from '../app.ts';
import { connect } from '../db/connect.ts';
import { loadDemo } from '../demo.ts';
import { prepareDatabase } from '../prepare.ts';
import { TEST_SECRET } from './constants.ts';

// Migrate and seed once; every test file then starts from a copy of this template.
// PGlite: a dumped data directory loaded per file. PostgreSQL (TEST_DATABASE_URL): CREATE DATABASE … TEMPLATE.

declare module 'vitest' {
  export interface ProvidedContext {
    pgliteTemplate: string;
    pgTemplate: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const url = process.env.TEST_DATABASE_URL;
  if (url) {
    const name = `gl_tpl_${randomBytes(4).toString('hex')}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    const database = await connect({ databaseUrl: withDatabase(url, name), poolSize: 2 });
    await prepareDatabase(database);
    await loadDemo(createServices(database, { secret: TEST_SECRET }), 'pglite');
    await database.close();
    project.provide('pgTemplate', name);
    project.provide('pgliteTemplate', '');
    return async () => {
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    };
  }
  const client = await PGlite.create();
  const database = await connect({ pglite: client });
  await prepareDatabase(database);
  await loadDemo(createServices(database, { secret: TEST_SECRET }), 'pglite');
  const dump = await client.dumpDataDir('none');
  const dir = mkdtempSync(path.join(os.tmpdir(), 'guardline-test-'));
  const file = path.join(dir, 'template.tar');
  writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
  await client.close();
  project.provide('pgliteTemplate', file);
  project.provide('pgTemplate', '');
  return async () => rmSync(dir, { recursive: true, force: true });
}

export function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}
