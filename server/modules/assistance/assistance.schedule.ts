import type { Db } from '#server/db/connect.ts';
import { queryRows } from '#server/db/connect.ts';
import { sql } from 'drizzle-orm';
import { todayInChina, type Clock } from '#server/lib/clock.ts';
import { snapshotExists } from './obligations.repository.ts';
import type { AssistanceService } from './assistance.service.ts';

// The daily obligations check: once a day per county, today's board counts per township and code are
// kept in obligation_snapshot (the board itself is always live). Guarded by the snapshot rows, so
// restarts and several ticks a day do not repeat it.

const HOUR = 3_600_000;

export function startObligationSchedule(
  services: { db: Db; assistance: AssistanceService },
  clock: Clock,
  opts: { intervalMs?: number; firstDelayMs?: number; log?: (line: string) => void; timers?: boolean } = {},
) {
  const log = opts.log ?? (() => {});
  let timer: ReturnType<typeof setTimeout> | null = null;
  let stopped = false;

  async function tick() {
    const asOf = todayInChina(clock());
    const done: string[] = [];
    const counties = await queryRows<{ county_code: string }>(
      services.db,
      sql`SELECT DISTINCT county_code FROM household`,
    );
    for (const { county_code } of counties) {
      if (await snapshotExists(services.db, county_code, asOf)) continue;
      const rows = await services.assistance.snapshot(county_code, asOf);
      log(`帮扶责任日检 / daily obligations ${county_code} ${asOf}: ${rows.reduce((n, r) => n + r.households, 0)}`);
      done.push(county_code);
    }
    return done;
  }

  const schedule = (delay: number) => {
    if (stopped || opts.timers === false) return;
    timer = setTimeout(() => {
      tick()
        .catch((err) => log(`帮扶责任日检失败 / daily obligations failed: ${String(err)}`))
        .finally(() => schedule(opts.intervalMs ?? HOUR));
    }, delay);
    timer.unref?.();
  };
  schedule(opts.firstDelayMs ?? 90_000);
  return {
    tick,
    stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
    },
  };
}
