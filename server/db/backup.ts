import {
  createReadStream,
  createWriteStream,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import { createGunzip, createGzip } from 'node:zlib';
import { sql } from 'drizzle-orm';
import { ConfigError, type Config } from '../config.ts';
import { createPersonalDataBox } from '../lib/crypto.ts';
import { MIGRATIONS_DIR, queryRows, type Database, type Db } from './connect.ts';
import { keyOpens, sampleCiphertext, wrongKeyMessage } from './secret-check.ts';

// `guardline backup FILE` / `guardline restore FILE`: one logical format for both engines, made in
// Node (no pg_dump needed): gzip'd JSON lines — a header (format, schema version, a ciphertext made
// with the key), then every table in foreign-key order as `row_to_json` lines, then a trailer with
// the row counts; the attachment files of DATA_DIR travel along. The dump reads one snapshot (REPEATABLE READ) through a cursor. A restore goes into
// a new DATA_DIR or an empty database only, refuses a key that cannot open the backup's ciphertexts
// before writing anything, and writes all tables in one transaction (all or nothing).

const FORMAT = 'guardline-backup';
const KEY_CHECK = 'guardline-key-check';
const FETCH = 2000;
const INSERT_BATCH = 500;

interface Header {
  format: typeof FORMAT;
  version: 1;
  engine: string;
  createdAt: string;
  /** The last migration the data is at (a restore needs the same). */
  migration: string;
  keyCheck: string;
  /** A ciphertext from the data itself (an ID number), when there is one. */
  sample: string | null;
}

type Line =
  | { header: Header }
  | { table: string; columns: string[] }
  | { row: string }
  | { file: string; data: string }
  | { end: Record<string, number> };

/** Files kept beside the database (content-addressed attachments), carried in the backup too. */
const FILE_DIRS = ['attachments'];

export function lastMigration(): string {
  const journal = JSON.parse(readFileSync(path.join(MIGRATIONS_DIR, 'meta', '_journal.json'), 'utf8')) as {
    entries: { tag: string }[];
  };
  return journal.entries.at(-1)!.tag;
}

/**
 * Tables kept by triggers from other tables (schema/monitoring-facts.ts): not written to a backup, rebuilt on restore,
 * so a restore never depends on whether the triggers fired while loading.
 */
const DERIVED_TABLES = ['feed_event', 'feed_year_total', 'household_income_latest'];

/** Base tables of the public schema, parents before children (self references ignored). */
async function tablesInOrder(db: Db): Promise<string[]> {
  const tables = (
    await queryRows<{ t: string }>(
      db,
      sql`SELECT table_name AS t FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY 1`,
    )
  ).map((r) => r.t);
  const edges = await queryRows<{ child: string; parent: string }>(
    db,
    sql`SELECT c.conrelid::regclass::text AS child, c.confrelid::regclass::text AS parent FROM pg_constraint c
      JOIN pg_namespace n ON n.oid = c.connamespace WHERE c.contype = 'f' AND n.nspname = 'public' AND c.conrelid <> c.confrelid`,
  );
  const unquote = (name: string) => name.replace(/^"|"$/g, '');
  const parents = new Map(tables.map((t) => [t, new Set<string>()]));
  for (const e of edges) parents.get(unquote(e.child))?.add(unquote(e.parent));
  const done: string[] = [];
  const visit = (t: string, path: Set<string>) => {
    if (done.includes(t) || path.has(t)) return;
    path.add(t);
    for (const p of parents.get(t) ?? []) visit(p, path);
    done.push(t);
  };
  for (const t of tables) visit(t, new Set());
  return done;
}

async function columnsOf(db: Db, table: string): Promise<string[]> {
  const rows = await queryRows<{ c: string }>(
    db,
    sql`SELECT column_name AS c FROM information_schema.columns WHERE table_schema = 'public' AND table_name = ${table} AND is_generated = 'NEVER' ORDER BY ordinal_position`,
  );
  return rows.map((r) => r.c);
}

const ident = (names: string[]) => sql.raw(names.map((n) => `"${n.replace(/"/g, '""')}"`).join(', '));

/** Write a backup of the whole database to `file` (written beside it, then renamed). */
export async function backup(
  database: Database,
  config: Pick<Config, 'secret' | 'dataDir'>,
  file: string,
): Promise<Record<string, number>> {
  const secret = config.secret;
  const counts: Record<string, number> = {};
  const partial = `${file}.partial`;
  await database.db.transaction(
    async (tx) => {
      const header: Header = {
        format: FORMAT,
        version: 1,
        engine: database.kind,
        createdAt: new Date().toISOString(),
        migration: lastMigration(),
        keyCheck: createPersonalDataBox(secret).encrypt(KEY_CHECK),
        sample: await sampleCiphertext(tx),
      };
      const tables = (await tablesInOrder(tx)).filter((t) => !DERIVED_TABLES.includes(t));
      async function* lines(): AsyncGenerator<string> {
        yield JSON.stringify({ header }) + '\n';
        for (const table of tables) {
          const columns = await columnsOf(tx, table);
          yield JSON.stringify({ table, columns }) + '\n';
          counts[table] = 0;
          await tx.execute(
            sql`DECLARE guardline_backup NO SCROLL CURSOR FOR SELECT row_to_json(t)::text AS j FROM (SELECT ${ident(columns)} FROM ${sql.identifier(table)}) t`,
          );
          for (;;) {
            const rows = await queryRows<{ j: string }>(tx, sql.raw(`FETCH ${FETCH} FROM guardline_backup`));
            for (const r of rows) yield JSON.stringify({ row: r.j }) + '\n';
            counts[table] += rows.length;
            if (rows.length < FETCH) break;
          }
          await tx.execute(sql`CLOSE guardline_backup`);
        }
        for (const dir of FILE_DIRS) {
          const full = path.join(config.dataDir, dir);
          if (!existsSync(full)) continue;
          for (const name of readdirSync(full).sort()) {
            yield (
              JSON.stringify({ file: `${dir}/${name}`, data: readFileSync(path.join(full, name)).toString('base64') }) +
              '\n'
            );
            counts[`file:${dir}`] = (counts[`file:${dir}`] ?? 0) + 1;
          }
        }
        yield JSON.stringify({ end: counts }) + '\n';
      }
      await pipeline(Readable.from(lines()), createGzip(), createWriteStream(partial, { mode: 0o600 }));
    },
    { isolationLevel: 'repeatable read', accessMode: 'read only' },
  );
  renameSync(partial, file);
  return counts;
}

async function* readLines(file: string): AsyncGenerator<Line> {
  const rl = createInterface({ input: createReadStream(file).pipe(createGunzip()), crlfDelay: Infinity });
  for await (const line of rl) if (line) yield JSON.parse(line) as Line;
}

export async function readHeader(file: string): Promise<Header> {
  if (!existsSync(file)) throw new ConfigError(`备份文件不存在 / backup file not found: ${file}`);
  try {
    for await (const line of readLines(file)) {
      if ('header' in line && line.header.format === FORMAT) return line.header;
      break;
    }
  } catch {
    // not gzip / not JSON: same message below
  }
  throw new ConfigError(`不是 Guardline 备份文件 / not a Guardline backup file: ${file}`);
}

/** Refuse a key that cannot open the backup (its key check and a ciphertext from its data). */
export function requireKeyOpensBackup(header: Header, secret: string): void {
  const opens =
    keyOpens(secret, header.keyCheck) && createPersonalDataBox(secret).decrypt(header.keyCheck) === KEY_CHECK;
  if (!opens || (header.sample && !keyOpens(secret, header.sample))) throw new ConfigError(wrongKeyMessage('备份文件'));
}

/** Restore `file` into a migrated, empty database (the caller checked it is new); all or nothing. */
export async function restore(
  database: Database,
  file: string,
  config: Pick<Config, 'secret' | 'dataDir'>,
): Promise<Record<string, number>> {
  const header = await readHeader(file);
  requireKeyOpensBackup(header, config.secret);
  if (header.migration !== lastMigration()) {
    throw new ConfigError(
      `备份的数据库版本（${header.migration}）与本程序（${lastMigration()}）不同，请用相同版本的 Guardline 恢复。\n` +
        `The backup's schema (${header.migration}) differs from this program's (${lastMigration()}); restore with the same Guardline version.`,
    );
  }
  const counts: Record<string, number> = {};
  await database.db.transaction(async (tx) => {
    // Foreign keys and the audit table's triggers are not re-checked row by row while loading a
    // consistent copy (superuser, as PGlite always is; otherwise tables load in dependency order).
    await tx.transaction((sp) => sp.execute(sql`SET LOCAL session_replication_role = replica`)).catch(() => {});
    let table = '';
    let columns: string[] = [];
    let batch: string[] = [];
    const flush = async () => {
      if (batch.length === 0) return;
      await tx.execute(
        sql`INSERT INTO ${sql.identifier(table)} (${ident(columns)}) SELECT ${ident(columns)} FROM json_populate_recordset(NULL::${sql.identifier(table)}, ${'[' + batch.join(',') + ']'}::json)`,
      );
      counts[table] = (counts[table] ?? 0) + batch.length;
      batch = [];
    };
    let ended: Record<string, number> | null = null;
    for await (const line of readLines(file)) {
      if ('table' in line) {
        await flush();
        ({ table, columns } = line);
        counts[table] = 0;
      } else if ('row' in line) {
        batch.push(line.row);
        if (batch.length >= INSERT_BATCH) await flush();
      } else if ('file' in line) {
        const [dir, name] = line.file.split('/');
        if (!FILE_DIRS.includes(dir) || !/^[\w.-]+$/.test(name ?? ''))
          throw new ConfigError(`备份中的文件名无效 / invalid file in the backup: ${line.file}`);
        mkdirSync(path.join(config.dataDir, dir), { recursive: true });
        const target = path.join(config.dataDir, dir, name);
        if (!existsSync(target)) writeFileSync(target, Buffer.from(line.data, 'base64'));
        counts[`file:${dir}`] = (counts[`file:${dir}`] ?? 0) + 1;
      } else if ('end' in line) {
        await flush();
        ended = line.end;
      }
    }
    if (!ended || JSON.stringify(ended) !== JSON.stringify(counts)) {
      throw new ConfigError(`备份文件不完整 / the backup file is incomplete: ${file}`);
    }
    // Derived tables are not in the file: rebuilt from what was restored (the triggers that keep them were off).
    await tx.execute(sql`SELECT feed_event_rebuild()`);
    // Sequences continue after the restored ids.
    const serials = await queryRows<{ t: string; c: string }>(
      tx,
      sql`SELECT table_name AS t, column_name AS c FROM information_schema.columns WHERE table_schema = 'public' AND column_default LIKE 'nextval(%'`,
    );
    for (const s of serials) {
      const qualified = `"public"."${s.t}"`;
      await tx.execute(
        sql`SELECT setval(pg_get_serial_sequence(${qualified}, ${s.c}), coalesce((SELECT max(${sql.identifier(s.c)}) FROM ${sql.identifier(s.t)}), 0) + 1, false)`,
      );
    }
  });
  return counts;
}

/** Whether any public table holds a row (a restore goes into an empty database only). */
export async function anyRows(db: Db): Promise<string | null> {
  for (const t of await tablesInOrder(db)) {
    const [{ any }] = await queryRows<{ any: boolean }>(
      db,
      sql`SELECT EXISTS (SELECT 1 FROM ${sql.identifier(t)}) AS any`,
    );
    if (any) return t;
  }
  return null;
}
