import { buildApp } from './app.ts';
import { ConfigError, loadConfig, missingKeyMessage, writeNewSecret, type Config } from './config.ts';
import { connect, queryRows, type Database } from './db/connect.ts';
import { lockDataDir } from './db/data-dir-lock.ts';
import { databaseIsNew, requireKeyFits } from './db/secret-check.ts';
import { sql } from 'drizzle-orm';
import { loadDemo } from './demo.ts';
import { prepareDatabase } from './prepare.ts';
import { describeRecovery, recoverInterruptedWork, startJobSweep } from './recover.ts';
import { startMonthlySchedule, supersedeStaleRuns } from './modules/monitoring/index.ts';
import { startObligationSchedule } from './modules/assistance/index.ts';
import { systemClock } from './lib/clock.ts';

export async function openDatabase(config: Config): Promise<Database> {
  if (config.databaseUrl) return prepared(await connect({ databaseUrl: config.databaseUrl }), config);
  // The embedded database belongs to one process at a time (a second one's writes would be lost).
  const release = lockDataDir(config.dataDir);
  try {
    const database = await connect({ dataDir: config.dataDir });
    const close = database.close;
    return await prepared({ ...database, close: () => close().finally(release) }, config);
  } catch (err) {
    release();
    throw err;
  }
}

async function prepared(
  database: Database,
  config: Pick<Config, 'secret' | 'newSecretFile' | 'dataDir'>,
): Promise<Database> {
  try {
    // A key is generated only for a new database; a missing one beside existing data stops the start.
    if (config.newSecretFile) {
      if (!(await databaseIsNew(database.db))) throw new ConfigError(missingKeyMessage(config.newSecretFile));
      writeNewSecret(config);
    }
    await prepareDatabase(database);
    await requireKeyFits(database.db, config.secret);
  } catch (err) {
    await database.close().catch(() => {});
    throw err;
  }
  // Runs left "running" by a killed process: on the embedded database this process is the only user
  // (DATA_DIR lock), so every running row is dead; on PostgreSQL only rows whose lease expired.
  await supersedeStaleRuns(database.db, { ignoreLease: database.kind === 'pglite' });
  return database;
}

/** A first start shows a working county, small enough to load in seconds. */
const DEMO_HOUSEHOLDS = 300;

/** config -> db -> migrate -> (demo on first start) -> listen */
export async function serve(config: Config): Promise<void> {
  const database = await openDatabase(config);
  const { app, services } = await buildApp(database, config);
  // Jobs, staging tables and temp files an earlier, killed process left behind (no job of ours runs yet):
  // on the embedded database every running job is dead (DATA_DIR lock); on PostgreSQL only expired leases.
  const recovered = describeRecovery(
    await recoverInterruptedWork(services.db, { ignoreLease: database.kind === 'pglite' }),
  );
  if (recovered) app.log.warn(recovered);
  if (config.loadDemo) {
    const [{ n }] = await queryRows<{ n: number }>(services.db, sql`SELECT count(*)::int AS n FROM org_unit`);
    if (n === 0) await loadDemo(services, database.kind, (line) => app.log.info(line), { households: DEMO_HOUSEHOLDS });
  }
  // On the 1st of each month the previous month runs once (guarded by its monitor_run row).
  const schedule = startMonthlySchedule(services, systemClock, { log: (line) => app.log.info(line) });
  // Once a day the obligations board's counts per township are kept (the board itself is live).
  const obligations = startObligationSchedule(services, systemClock, { log: (line) => app.log.info(line) });
  // Jobs of a process that died while this server runs (PostgreSQL: another server) fail once their lease expires.
  const jobSweep = startJobSweep(services.db, { log: (line) => app.log.warn(line) });
  const shutdown = async () => {
    schedule.stop();
    obligations.stop();
    jobSweep.stop();
    await app.close();
    await database.close();
    process.exit(0);
  };
  // A failing close is logged and still ends the process (no unhandled rejection on a signal).
  const onSignal = () => {
    shutdown().catch((err: unknown) => {
      app.log.error(err);
      process.exit(1);
    });
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  await app.listen({ port: config.port, host: config.host });
  const shown = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host;
  app.log.info(
    `Guardline 已启动 / listening on http://${shown}:${config.port} (${database.kind}, bound to ${config.host})`,
  );
}

const isMain = import.meta.url === `file://${process.argv[1]}`;
if (isMain) {
  try {
    await serve(loadConfig());
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(err.message);
      process.exit(2);
    }
    throw err;
  }
}
