import { isPeriod } from '../../../common/domain/period.ts';
import { warningCategory } from '../../../common/domain/monitoring/categories.ts';
import type { Db } from '../../db/connect.ts';
import { AppError } from '../../lib/app-error.ts';
import { systemContext } from '../../lib/context.ts';
import { activeCounties } from './monitoring.repository.ts';
import type { MonitoringService } from './monitoring.service.ts';

// `guardline monitor run --period YYYY-MM` and `guardline warnings --period YYYY-MM [--json]`
// (formats.md §4). server/cli.ts parses the flags and calls these.

type CliServices = { db: Db; monitoring: MonitoringService };
type Out = (line: string) => void;

function checkPeriod(period: string | undefined): string {
  if (!period || !isPeriod(period)) {
    throw AppError.validation([{ field: '--period', messageZh: '月份格式应为 YYYY-MM，例如 2025-06', messageEn: 'The month must be YYYY-MM, e.g. 2025-06' }]);
  }
  return period;
}

async function countiesOf(services: CliServices, county: string | undefined): Promise<string[]> {
  if (county) {
    if (!/^\d{6}(\d{6})?$/.test(county)) throw AppError.validation([{ field: '--county', messageZh: '县级区划代码应为 6 或 12 位数字', messageEn: 'The county code has 6 or 12 digits' }]);
    return [county.slice(0, 6) + '000000'];
  }
  return activeCounties(services.db);
}

/** The monthly run of every county (or one): a progress line per batch, then duration and counts. */
export async function monitorRunCommand(services: CliServices, opts: { period?: string; county?: string; json?: boolean }, out: Out): Promise<void> {
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
    out(`完成 / done: run ${runId}, ${summary.householdsEvaluated} 户 / households, ${summary.warningCount} 条预警 / warnings, ${(summary.durationMs / 1000).toFixed(2)} s`);
    for (const d of summary.diff) {
      const n = summary.counts[d.ruleCode] ?? 0;
      out(`  ${d.ruleCode.padEnd(22)} ${String(n).padStart(8)}   新增 new ${d.new}  持续 persisting ${d.persisting}  解除 resolved ${d.resolved}`);
    }
  }
  if (opts.json) out(JSON.stringify(summaries, null, 2));
}

/** The warnings of a period: 户编号, category code, rule code, risk type, evidence; paged by id, streamed. */
export async function warningsCommand(services: CliServices, opts: { period?: string; county?: string; json?: boolean }, out: Out): Promise<void> {
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
          const row = { householdNo: w.householdNo, category, ruleCode: w.ruleCode, riskType: w.riskType, status: w.status, villageCode: w.villageCode, evidence: w.evidence };
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
