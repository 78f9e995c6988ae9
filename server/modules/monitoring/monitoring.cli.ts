import { createWriteStream } from 'node:fs';
import { finished } from 'node:stream/promises';
import { parseArgs } from 'node:util';
import { isPeriod } from '#common/domain/period.ts';
import { warningCategory } from '#common/domain/monitoring/categories.ts';
import { visibleEvidence } from '#common/domain/monitoring/evidence.ts';
import { RISK_TYPES } from '#common/domain/registry/codes.ts';
import type { Db } from '#server/db/connect.ts';
import { AppError } from '#server/lib/app-error.ts';
import { systemContext } from '#server/lib/context.ts';
import { recordAudit } from '../audit/index.ts';
import { ledgerMeta, writeLedger, type Cell } from '#server/lib/xlsx-ledger.ts';
import { activeCounties, latestMonthlyPeriod } from './monitoring.repository.ts';
import type { MonitoringService } from './monitoring.service.ts';

// `guardline monitor run --period YYYY-MM`, `guardline warnings --period YYYY-MM [--json]` and
// `guardline export warnings FILE [--period YYYY-MM]` (formats.md §4). server/cli.ts parses the flags
// of the first two and calls these.

type CliServices = { db: Db; monitoring: MonitoringService };
type Out = (line: string) => void;

function checkPeriod(period: string | undefined): string {
  if (!period || !isPeriod(period)) {
    throw AppError.validation([
      {
        field: '--period',
        messageZh: '月份格式应为 YYYY-MM，例如 2025-06',
        messageEn: 'The month must be YYYY-MM, e.g. 2025-06',
      },
    ]);
  }
  return period;
}

async function countiesOf(services: CliServices, county: string | undefined): Promise<string[]> {
  if (county) {
    if (!/^\d{6}(\d{6})?$/.test(county))
      throw AppError.validation([
        {
          field: '--county',
          messageZh: '县级区划代码应为 6 或 12 位数字',
          messageEn: 'The county code has 6 or 12 digits',
        },
      ]);
    return [county.slice(0, 6) + '000000'];
  }
  return activeCounties(services.db);
}

/** The monthly run of every county (or one): a progress line per batch, then duration and counts. */
export async function monitorRunCommand(
  services: CliServices,
  opts: { period?: string; county?: string; json?: boolean },
  out: Out,
): Promise<void> {
  const period = checkPeriod(opts.period);
  const ctx = systemContext('cli');
  const summaries = [];
  for (const countyCode of await countiesOf(services, opts.county)) {
    const { runId, wait } = await services.monitoring.runMonth(ctx, period, {
      countyCode,
      progress: (done, total) => {
        if (!opts.json) out(`监测 / monitoring ${countyCode} ${period}: ${done}/${total} 户 / households`);
      },
    });
    const summary = await wait;
    summaries.push(summary);
    if (opts.json) continue;
    out(
      `完成 / done: run ${runId}, ${summary.householdsEvaluated} 户 / households, ${summary.warningCount} 条预警 / warnings, ${(summary.durationMs / 1000).toFixed(2)} s`,
    );
    for (const d of summary.diff) {
      const n = summary.counts[d.ruleCode] ?? 0;
      out(
        `  ${d.ruleCode.padEnd(22)} ${String(n).padStart(8)}   新增 new ${d.new}  持续 persisting ${d.persisting}  解除 resolved ${d.resolved}`,
      );
    }
  }
  if (opts.json) out(JSON.stringify(summaries, null, 2));
}

/**
 * `monitor verify-facts` (exit 1 on any difference) and `monitor rebuild-facts`: the facts kept on write against a full
 * rebuild from their definition, per county.
 */
export async function monitorFactsCommand(
  services: CliServices,
  sub: 'verify-facts' | 'rebuild-facts',
  opts: { county?: string; json?: boolean },
  out: Out,
): Promise<boolean> {
  const ctx = systemContext('cli');
  let same = true;
  const results = [];
  for (const countyCode of await countiesOf(services, opts.county)) {
    if (sub === 'rebuild-facts') {
      const rows = await services.monitoring.rebuildFacts(ctx, countyCode);
      results.push({ countyCode, rows });
      if (!opts.json) out(`重建 / rebuilt ${countyCode}: ${rows} 条部门数据匹配 / matched records`);
      continue;
    }
    const check = await services.monitoring.verifyFacts(ctx, countyCode);
    results.push({ countyCode, ...check });
    const { yearTotals, latestIncome } = check;
    same &&= [check, yearTotals, latestIncome].every((c) => c.missing + c.extra === 0);
    if (opts.json) continue;
    const line = (c: { expected: number; stored: number; missing: number; extra: number }) =>
      `应有 expected ${c.expected}，现有 stored ${c.stored}，缺 missing ${c.missing}，多 extra ${c.extra}` +
      (c.missing + c.extra === 0 ? ' — 一致 / equal' : ' — 不一致 / DIFFER');
    out(`${countyCode}: ${line(check)}`);
    for (const d of check.sample)
      out(`  ${d.kind} household ${d.householdId} record ${d.recordId} membership ${d.membershipId}`);
    out(`${countyCode} 年度累计 / year totals: ${line(yearTotals)}`);
    out(`${countyCode} 最近两年收入 / latest incomes: ${line(latestIncome)}`);
  }
  if (opts.json) out(JSON.stringify(results, null, 2));
  return same;
}

/** The warnings of a period: 户编号, category code, rule code, risk type, evidence; paged by id, streamed. */
export async function warningsCommand(
  services: CliServices,
  opts: { period?: string; county?: string; json?: boolean },
  out: Out,
): Promise<void> {
  const period = checkPeriod(opts.period);
  const ctx = systemContext('cli');
  let first = true;
  if (opts.json) out('[');
  else out(['户编号', '预警类别 category', '规则 rule', '风险类型 risk', '证据 evidence'].join('\t'));
  for (const countyCode of await countiesOf(services, opts.county)) {
    let afterId = 0;
    for (;;) {
      const page = await services.monitoring.warnings(ctx, { period, countyCode, afterId, limit: 500 });
      for (const w of page.items) {
        const category = warningCategory(w.ruleCode)?.code ?? w.category;
        if (opts.json) {
          const row = {
            householdNo: w.householdNo,
            category,
            ruleCode: w.ruleCode,
            riskType: w.riskType,
            status: w.status,
            villageCode: w.villageCode,
            evidence: w.evidence,
          };
          out(`${first ? '' : ','}${JSON.stringify(row)}`);
        } else {
          out([w.householdNo, category, w.ruleCode, w.riskType ?? '-', JSON.stringify(w.evidence)].join('\t'));
        }
        first = false;
      }
      if (page.nextAfterId === null) break;
      afterId = page.nextAfterId;
    }
  }
  if (opts.json) out(']');
}

export const WARNING_EXPORT_HEADERS = [
  '监测月份',
  '行政村代码',
  '行政村',
  '户编号',
  '户主姓名',
  '预警类别代码',
  '预警类别',
  '规则代码',
  '风险类型代码',
  '风险类型',
  '处理状态',
  '证据',
] as const;

/**
 * `export warnings FILE [--period YYYY-MM] [--county CODE]`: the warnings of a month as .xlsx, one row per
 * warning with 户编号, category, rule, risk type and evidence (formats.md §3/§4; evidence without hashes or
 * ciphers). Without --period: the latest month with a finished monthly run. Audited as the system.
 */
export async function runWarningsExportCommand(services: CliServices, args: string[], out: Out): Promise<void> {
  const { positionals, values } = parseArgs({
    args,
    options: { period: { type: 'string' }, county: { type: 'string' } },
    allowPositionals: true,
    strict: true,
  });
  if (positionals.length !== 1) {
    throw AppError.validation([
      {
        field: 'FILE',
        messageZh: '用法：export warnings FILE [--period YYYY-MM]',
        messageEn: 'usage: export warnings FILE [--period YYYY-MM]',
      },
    ]);
  }
  const counties = await countiesOf(services, values.county);
  const period =
    values.period !== undefined ? checkPeriod(values.period) : await latestMonthlyPeriod(services.db, counties);
  if (!period) {
    throw AppError.validation([
      {
        field: '--period',
        messageZh: '尚无已完成的月度监测，请先运行 monitor run 或指定 --period',
        messageEn: 'No finished monthly run yet: run `monitor run` first or give --period',
      },
    ]);
  }
  const ctx = systemContext('cli');
  let count = 0;
  async function* rows(): AsyncGenerator<Cell[]> {
    for (const countyCode of counties) {
      let afterId = 0;
      for (;;) {
        const page = await services.monitoring.warnings(ctx, { period: period!, countyCode, afterId, limit: 1000 });
        for (const w of page.items) {
          count++;
          const risk = w.riskType ? RISK_TYPES.find((r) => r.code === w.riskType) : undefined;
          yield [
            w.period,
            w.villageCode,
            w.villageName,
            w.householdNo,
            w.headName,
            w.category,
            w.nameZh,
            w.ruleCode,
            w.riskType,
            risk?.zh ?? w.riskType,
            w.status === 'handled' ? '已处理' : '未处理',
            JSON.stringify(visibleEvidence(w.evidence)),
          ];
        }
        if (page.nextAfterId === null) break;
        afterId = page.nextAfterId;
      }
    }
  }
  const file = createWriteStream(positionals[0]);
  await writeLedger(
    file,
    [{ title: `预警清单${period}`, headers: WARNING_EXPORT_HEADERS, rows: rows() }],
    ledgerMeta(systemContext('cli')),
  );
  file.end();
  await finished(file);
  await services.db.transaction((tx) =>
    recordAudit(tx, ctx, {
      action: 'export',
      entity: 'warning',
      orgCode: ctx.actor.orgCode,
      after: { ledger: '预警清单', period, warnings: count },
    }),
  );
  out(`已导出 / exported 预警清单 ${period}: ${count} 条 / warnings → ${positionals[0]}`);
}
