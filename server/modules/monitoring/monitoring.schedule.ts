import { dueMonthlyPeriod } from '#common/domain/monitoring/window.ts';
import type { Db } from '#server/db/connect.ts';
import { todayInChina, type Clock } from '#server/lib/clock.ts';
import { systemContext } from '#server/lib/context.ts';
import { supersedeStaleRuns } from './monitoring.lease.ts';
import { activeCounties, countFailedMonthlyRuns, findMonthlyRun } from './monitoring.repository.ts';
import type { MonitoringService } from './monitoring.service.ts';

// 每月开展动态监测: on the 1st of each month the previous month is run once per county. The guard is
// the monitor_run table (a running or succeeded monthly run of that period), so restarts, several
// ticks a day or a second server do not run it twice; if the server was down on the 1st, the first
// tick afterwards catches up; a run left running by a dead process (lease expired, monitoring.lease.ts)
// is marked failed and the month is run again. A failing run is retried on later ticks, at most MAX_ATTEMPTS times.

const HOUR = 3_600_000;
const MAX_ATTEMPTS = 3;

export interface MonthlySchedule {
  /** One check now (also what the timer calls); resolves with the runs started. */
  tick(): Promise<{ countyCode: string; period: string; runId: number }[]>;
  stop(): void;
}

export function startMonthlySchedule(
  services: { db: Db; monitoring: MonitoringService },
  clock: Clock,
  opts: { intervalMs?: number; firstDelayMs?: number; log?: (line: string) => void; timers?: boolean } = {},
): MonthlySchedule {
  const log = opts.log ?? (() => {});
  let timer: ReturnType<typeof setTimeout> | null = null;
  let stopped = false;
  let busy = false;

  async function tick() {
    if (busy) return [];
    busy = true;
    const started: { countyCode: string; period: string; runId: number }[] = [];
    try {
      const period = dueMonthlyPeriod(todayInChina(clock()));
      for (const countyCode of await activeCounties(services.db)) {
        await supersedeStaleRuns(services.db, { countyCode, period, kind: 'monthly' });
        if (await findMonthlyRun(services.db, countyCode, period, ['running', 'succeeded'])) continue;
        if ((await countFailedMonthlyRuns(services.db, countyCode, period)) >= MAX_ATTEMPTS) continue;
        const run = await services.monitoring.runMonth(systemContext('schedule'), period, { countyCode });
        started.push({ countyCode, period, runId: run.runId });
        log(`月度监测 / monthly run ${countyCode} ${period} (run ${run.runId})`);
        await run.wait.catch((err) => log(`月度监测失败 / monthly run failed: ${String(err)}`));
      }
    } finally {
      busy = false;
    }
    return started;
  }

  const schedule = (delay: number) => {
    if (stopped || opts.timers === false) return;
    timer = setTimeout(() => {
      tick()
        .catch((err) => log(`月度监测检查失败 / schedule check failed: ${String(err)}`))
        .finally(() => schedule(opts.intervalMs ?? HOUR));
    }, delay);
    timer.unref?.();
  };
  schedule(opts.firstDelayMs ?? 60_000);

  return {
    tick,
    stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
    },
  };
}
