import { existsSync } from 'node:fs';
import path from 'node:path';
import { ConfigError, loadConfig } from '../config.ts';
import { openDatabase } from '../main.ts';
import { anyRows, backup, readHeader, requireKeyOpensBackup, restore } from './backup.ts';
import { connect, type Database } from './connect.ts';
import { lockDataDir } from './data-dir-lock.ts';

// `guardline backup FILE` and `guardline restore FILE` (formats in backup.ts). Backup works on a
// live PostgreSQL; on the embedded database the server must be stopped (DATA_DIR lock). Restore
// needs the key of the backup (secret.key copied into the new DATA_DIR, or GUARDLINE_SECRET) and a
// new DATA_DIR / an empty database.

type Out = (line: string) => void;

const summary = (counts: Record<string, number>) =>
  `${Object.entries(counts)
    .filter(([k]) => !k.startsWith('file:'))
    .reduce((n, [, v]) => n + v, 0)} 行 / rows, ${Object.values(counts).length} 表与文件组 / tables and file groups`;

export async function runBackupCommand(file: string, out: Out, env: NodeJS.ProcessEnv = process.env): Promise<void> {
  const config = loadConfig(env);
  const database = await openDatabase(config);
  try {
    const counts = await backup(database, config, path.resolve(file));
    out(`已备份 / backed up (${database.kind}): ${summary(counts)} → ${path.resolve(file)}`);
    out(
      '请把密钥（secret.key 或 GUARDLINE_SECRET）与备份分开妥善保存：恢复时需要同一密钥。/ Keep the key apart from the backup: a restore needs the same key.',
    );
  } finally {
    await database.close();
  }
}

export async function runRestoreCommand(file: string, out: Out, env: NodeJS.ProcessEnv = process.env): Promise<void> {
  const config = loadConfig(env);
  if (config.newSecretFile) {
    throw new ConfigError(
      `恢复需要备份时所用的密钥：请把原 secret.key 放到 ${config.dataDir}，或设置 GUARDLINE_SECRET。\n` +
        `A restore needs the key the backup was made with: put the original secret.key into ${config.dataDir} or set GUARDLINE_SECRET.`,
    );
  }
  // Refuse a wrong key before anything is created.
  requireKeyOpensBackup(await readHeader(path.resolve(file)), config.secret);
  let database: Database;
  if (config.databaseUrl) {
    database = await connect({ databaseUrl: config.databaseUrl });
  } else {
    if (existsSync(path.join(config.dataDir, 'pglite', 'PG_VERSION'))) {
      throw new ConfigError(
        `目标数据目录已有数据库，只能恢复到新的数据目录 / ${config.dataDir} already holds a database; restore into a new DATA_DIR`,
      );
    }
    const release = lockDataDir(config.dataDir);
    const opened = await connect({ dataDir: config.dataDir }).catch((err: unknown) => {
      release();
      throw err;
    });
    database = { ...opened, close: () => opened.close().finally(release) };
  }
  try {
    await database.migrate();
    const used = await anyRows(database.db);
    if (used)
      throw new ConfigError(
        `目标数据库不是空的（表 ${used} 有数据），只能恢复到空数据库 / the target database is not empty (table ${used}); restore into an empty database`,
      );
    const counts = await restore(database, path.resolve(file), config);
    out(`已恢复 / restored (${database.kind}): ${summary(counts)}`);
  } finally {
    await database.close();
  }
}
