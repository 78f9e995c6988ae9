import { parseArgs, type ParseArgsConfig } from 'node:util';
import { ORG_LEVELS, ROLES, type OrgLevel } from '#common/domain/roles.ts';
import { createUserRequest } from '#common/contracts/users.ts';
import { createServices } from './app.ts';
import { ConfigError, loadConfig } from './config.ts';
import { loadDemo } from './demo.ts';
import { AppError } from './lib/app-error.ts';
import { systemContext } from './lib/context.ts';
import { openDatabase, serve } from './main.ts';
import { createExportService } from './modules/registry/export/export.service.ts';
import { LEDGER_KINDS, runLedgerExportCommand } from './modules/projects/ledgers.cli.ts';
import { createImportService } from './modules/registry/import/import.service.ts';
import { runHouseholdExportCommand, runHouseholdImportCommand } from './modules/registry/import/transfer.cli.ts';
import { runFeedImportCommand } from './modules/feeds/feeds.cli.ts';
import {
  monitorFactsCommand,
  monitorRunCommand,
  runWarningsExportCommand,
  warningsCommand,
} from './modules/monitoring/index.ts';
import {
  CASE_LEDGER_KINDS,
  runCaseLedgerExportCommand,
  type CaseLedgerKind,
} from './modules/cases/cases.ledgers.cli.ts';
import { runParamsCommand } from './modules/params/params.cli.ts';
import { runBackupCommand, runRestoreCommand } from './db/backup.cli.ts';

// `guardline` (also `npm run cli --`): the command-line contract of formats.md §4.

const USAGE = `用法 / usage: guardline <command> [options]
  serve [--port N]                         启动网页与接口 / serve the web app and API
  migrate                                  执行数据库迁移 / apply migrations
  backup FILE                              备份数据库与附件（两种数据库通用）/ back up the database and attachments
  restore FILE                             恢复到新的数据目录或空数据库（需原密钥）/ restore into a new DATA_DIR or empty database (same key)
  demo [--households N] [--seed S]         载入演示县（及 N 户演示农户）/ load the demo county (and N demo households)
  import households FILE [--members FILE] [--dry-run] [--skip-invalid] [--json]
                                           导入户信息表（.xlsx，或 households.csv 加 --members members.csv）/ import the household workbook
  import feed FILE [--dry-run] [--json]    导入部门比对数据 / import department data
  export households FILE                   导出户信息表 .xlsx / export the household workbook
  export projects|funds|assets FILE [--year YYYY] [--org CODE]
                                           导出项目库、衔接资金台账、资产台账 .xlsx / export the project, fund and asset ledgers
  export monitored|eliminated FILE         导出监测对象台账、风险消除台账 .xlsx / export the monitored and elimination ledgers
  export warnings FILE [--period YYYY-MM]  导出预警清单 .xlsx（默认最近一次月度监测）/ export a month's warnings (default: the latest run)
  params list [--json] | params set KEY VALUE [--year YYYY] [--from DATE] [--county CODE]
                                           政策参数（金额以元、比例以 % 输入）/ policy parameters
  monitor run --period YYYY-MM             月度监测 / the monthly monitoring run
  monitor verify-facts [--county C]        核对监测事实与全量重建是否一致（不一致时退出码 1）/ compare the facts kept on write with a full rebuild (exit 1 if they differ)
  monitor rebuild-facts [--county C]       按定义重建监测事实 / rebuild the facts from their definition
  warnings --period YYYY-MM [--json]       预警清单 / warnings of a run
  org list [--level township|village] [--json]
  users add --username U --name 姓名 --role ROLE --org CODE --password P [--phone P]
Roles: ${ROLES.join(', ')}`;

class UsageError extends Error {}

async function withServices<T>(
  fn: (services: ReturnType<typeof createServices>, kind: 'pglite' | 'postgres') => Promise<T>,
): Promise<T> {
  const config = loadConfig();
  const database = await openDatabase(config);
  try {
    return await fn(createServices(database, config), database.kind);
  } finally {
    await database.close();
  }
}

export async function runCli(argv: string[], out: (line: string) => void = console.log): Promise<void> {
  const [command, sub, ...rest] = argv;
  const args = (list: string[], options: ParseArgsConfig['options']) =>
    parseArgs({ args: list, options, allowPositionals: false, strict: true }).values as Record<
      string,
      string | boolean | undefined
    >;

  switch (command) {
    case 'serve': {
      const v = args([sub, ...rest].filter(Boolean), { port: { type: 'string' } });
      if (v.port) process.env.PORT = String(v.port);
      return serve(loadConfig());
    }
    case 'migrate': {
      await withServices(async (_s, kind) => out(`迁移完成 / migrations applied (${kind})`));
      return;
    }
    case 'backup':
    case 'restore': {
      if (!sub || rest.length > 0) throw new UsageError(USAGE);
      return command === 'backup' ? runBackupCommand(sub, out) : runRestoreCommand(sub, out);
    }
    case 'demo': {
      const v = args([sub, ...rest].filter(Boolean), {
        households: { type: 'string' },
        seed: { type: 'string' },
        json: { type: 'boolean' },
      });
      for (const flag of ['households', 'seed'] as const) {
        if (v[flag] !== undefined && !/^\d+$/.test(String(v[flag])))
          throw new UsageError(`--${flag} 须为整数 / must be a whole number`);
      }
      await withServices(async (services, kind) => {
        const result = await loadDemo(services, kind, v.json ? () => {} : out, {
          households: Number(v.households ?? 0),
          seed: v.seed === undefined ? undefined : Number(v.seed),
        });
        if (v.json) out(JSON.stringify(result, null, 2));
        else for (const u of result.users) out(`  ${u.username.padEnd(16)} ${u.role.padEnd(15)} ${u.password}`);
      });
      return;
    }
    case 'import': {
      const { positionals, values: v } = parseArgs({
        args: rest,
        options: {
          members: { type: 'string' },
          'dry-run': { type: 'boolean' },
          'skip-invalid': { type: 'boolean' },
          json: { type: 'boolean' },
          county: { type: 'string' },
        },
        allowPositionals: true,
        strict: true,
      });
      if (sub === 'feed' && positionals.length === 1) {
        await withServices((services) =>
          runFeedImportCommand(services, positionals[0], { dryRun: v['dry-run'], json: v.json, county: v.county }, out),
        );
        return;
      }
      if (sub !== 'households' || positionals.length !== 1) throw new UsageError(USAGE);
      await withServices(async (services) => {
        const importer = createImportService(services.db, services.box, services.jobs);
        await runHouseholdImportCommand(
          importer,
          positionals[0],
          { members: v.members, dryRun: v['dry-run'], skipInvalid: v['skip-invalid'], json: v.json },
          out,
        );
      });
      return;
    }
    case 'export': {
      if ((LEDGER_KINDS as readonly string[]).includes(sub)) {
        await withServices((services) =>
          runLedgerExportCommand(services, sub as (typeof LEDGER_KINDS)[number], rest, out),
        );
        return;
      }
      if ((CASE_LEDGER_KINDS as readonly string[]).includes(sub)) {
        await withServices((services) => runCaseLedgerExportCommand(services, sub as CaseLedgerKind, rest, out));
        return;
      }
      if (sub === 'warnings') {
        await withServices((services) => runWarningsExportCommand(services, rest, out));
        return;
      }
      if (sub !== 'households' || rest.length !== 1) throw new UsageError(USAGE);
      await withServices((services) =>
        runHouseholdExportCommand(createExportService(services.db, services.box), rest[0], out),
      );
      return;
    }
    case 'params': {
      const { positionals, values: v } = parseArgs({
        args: rest,
        options: {
          year: { type: 'string' },
          from: { type: 'string' },
          county: { type: 'string' },
          json: { type: 'boolean' },
        },
        allowPositionals: true,
        strict: true,
      });
      await withServices((services) => runParamsCommand(services.params, sub, positionals, v, out));
      return;
    }
    case 'monitor':
    case 'warnings': {
      const list = command === 'warnings' ? [sub, ...rest].filter(Boolean) : rest;
      if (command === 'monitor' && (sub === 'verify-facts' || sub === 'rebuild-facts')) {
        const v = args(rest, { county: { type: 'string' }, json: { type: 'boolean' } });
        const opts = { county: v.county as string | undefined, json: Boolean(v.json) };
        const same = await withServices((services) => monitorFactsCommand(services, sub, opts, out));
        if (!same)
          throw new AppError('CONFLICT', {
            zh: '监测事实与全量重建不一致：请运行 guardline monitor rebuild-facts',
            en: 'The facts kept on write differ from a full rebuild: run guardline monitor rebuild-facts',
          });
        return;
      }
      if (command === 'monitor' && sub !== 'run') throw new UsageError(USAGE);
      const v = args(list, { period: { type: 'string' }, county: { type: 'string' }, json: { type: 'boolean' } });
      const opts = {
        period: v.period as string | undefined,
        county: v.county as string | undefined,
        json: Boolean(v.json),
      };
      await withServices((services) =>
        command === 'monitor' ? monitorRunCommand(services, opts, out) : warningsCommand(services, opts, out),
      );
      return;
    }
    case 'org': {
      if (sub !== 'list') throw new UsageError(USAGE);
      const v = args(rest, { level: { type: 'string' }, json: { type: 'boolean' } });
      const level = v.level as OrgLevel | undefined;
      if (level && !ORG_LEVELS.includes(level)) throw new UsageError(`--level: ${ORG_LEVELS.join('|')}`);
      await withServices(async (services) => {
        const units = await services.org.list(systemContext('cli'), { level });
        if (v.json)
          out(
            JSON.stringify(units.map(({ code, name, level: l, parentCode }) => ({ code, name, level: l, parentCode }))),
          );
        else for (const u of units) out(`${u.code}\t${u.level}\t${u.name}`);
      });
      return;
    }
    case 'users': {
      if (sub !== 'add') throw new UsageError(USAGE);
      const v = args(rest, {
        username: { type: 'string' },
        name: { type: 'string' },
        role: { type: 'string' },
        org: { type: 'string' },
        password: { type: 'string' },
        phone: { type: 'string' },
      });
      const parsed = createUserRequest.safeParse({
        username: v.username,
        displayName: v.name,
        role: v.role,
        orgCode: v.org,
        password: v.password,
        phone: v.phone,
      });
      const flag: Record<string, string> = { displayName: 'name', orgCode: 'org' };
      if (!parsed.success)
        throw new UsageError(
          parsed.error.issues.map((i) => `--${flag[String(i.path[0])] ?? String(i.path[0])}: ${i.message}`).join('\n'),
        );
      await withServices(async (services) => {
        const user = await services.users.create(systemContext('cli'), parsed.data, { mustChangePassword: true });
        out(`已创建用户 / created user ${user.username} (${user.role} @ ${user.orgName})`);
      });
      return;
    }
    default:
      throw new UsageError(USAGE);
  }
}

/** Runs a command and exits: 2 for bad usage, 1 for a refused or failed command. */
export async function main(argv: string[]): Promise<void> {
  try {
    await runCli(argv);
  } catch (err) {
    if (err instanceof UsageError || err instanceof ConfigError) console.error(err.message);
    else if (err instanceof AppError)
      console.error(
        `${err.messageZh} / ${err.messageEn}${err.fields ? '\n' + err.fields.map((f) => `  ${f.field}: ${f.messageZh} / ${f.messageEn}`).join('\n') : ''}`,
      );
    else console.error(err);
    process.exit(err instanceof UsageError || err instanceof ConfigError ? 2 : 1);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await main(process.argv.slice(2));
