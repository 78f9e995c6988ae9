import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { connect, type Database } from '../server/db/connect.ts';

// A throw-away database for a benchmark: PGlite in a temporary DATA_DIR (on disk, as a county runs
// it), or a fresh database on the PostgreSQL server named by --pg, dropped afterwards.

export interface BenchDatabase {
  database: Database;
  /** The embedded engine itself, for COPY … FROM '/dev/blob'; absent on PostgreSQL. */
  pglite: PGlite | null;
  label: string;
  dispose(): Promise<void>;
}

export async function openBenchDatabase(url: string | undefined, keep = false): Promise<BenchDatabase> {
  if (!url) {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'guardline-bench-'));
    const pglite = await PGlite.create(path.join(dir, 'pglite'));
    const database = await connect({ pglite });
    return {
      database,
      pglite,
      label: `PGlite (${dir})`,
      dispose: async () => {
        await database.close();
        if (!keep) rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  const name = `gl_bench_${randomBytes(4).toString('hex')}`;
  const admin = async (text: string) => {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    await client.query(text).finally(() => client.end());
  };
  await admin(`CREATE DATABASE ${name}`);
  const u = new URL(url);
  u.pathname = `/${name}`;
  const database = await connect({ databaseUrl: u.toString(), poolSize: 4 });
  return {
    database,
    pglite: null,
    label: `PostgreSQL (${name})`,
    dispose: async () => {
      await database.close();
      if (!keep) await admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    },
  };
}

export async function timed<T>(fn: () => Promise<T>): Promise<[T, number]> {
  const t = performance.now();
  const out = await fn();
  return [out, performance.now() - t];
}

export function percentile(sortedMs: number[], p: number): number {
  if (sortedMs.length === 0) return NaN;
  return sortedMs[Math.min(sortedMs.length - 1, Math.floor((p / 100) * sortedMs.length))];
}

export interface Latency {
  p50: number;
  p95: number;
  /** How many of the lookups found something (a lookup that finds nothing measures nothing). */
  found: number;
  queries: number;
}

/** p50/p95 of one lookup per input, after five untimed ones (a serving process has its plans cached); `run` says whether it found something. */
export async function latencies<T>(inputs: readonly T[], run: (input: T) => Promise<boolean>): Promise<Latency> {
  for (const input of inputs.slice(0, 5)) await run(input);
  const times: number[] = [];
  let found = 0;
  for (const input of inputs) {
    const [hit, ms] = await timed(() => run(input));
    times.push(ms);
    if (hit) found++;
  }
  times.sort((a, b) => a - b);
  return { p50: percentile(times, 50), p95: percentile(times, 95), found, queries: inputs.length };
}

export const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
export const millis = (ms: number) => `${ms.toFixed(1)} ms`;
