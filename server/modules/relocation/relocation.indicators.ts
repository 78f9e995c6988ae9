import type { LeafValue } from '#common/domain/indicators/rollup.ts';
import { lastDayOf } from '#common/domain/period.ts';
import { relocationEmploymentStatus } from '#common/domain/relocation/rules.ts';
import type { Db } from '#server/db/connect.ts';
import { stableEmploymentOfHouseholds, type MemberEmployment } from '../employment/index.ts';
import { relocatedOfCounty } from './relocation.repository.ts';

// The indicators' computed source `relocation.*` (搬迁户稳定就业达标率 on the cockpit): per village and month, the
// relocated households with labour (moved in by the month's end) and those meeting "有劳动能力的搬迁家庭每户有一人稳定就业"
// by the module's own check (`relocationEmploymentStatus` over the employment module's stable employment of the
// month). The relocated-household list's 未达到 count is labour households less those met. The engine sums villages.

export async function relocationIndicatorsProvider(
  db: Db,
  countyCode: string,
  periods: readonly string[],
): Promise<LeafValue[]> {
  const months = [...new Set(periods.filter((p) => /^\d{4}-\d{2}$/.test(p)))];
  if (months.length === 0) return [];
  const relocated = await relocatedOfCounty(db, countyCode);
  if (relocated.length === 0) return [];
  const out: LeafValue[] = [];
  for (const period of months) {
    const rows = relocated.filter((r) => r.moved_on <= lastDayOf(period));
    if (rows.length === 0) continue;
    // A month before the employment parameters were in force has no figures (no data, never a failed cockpit).
    const e = await stableEmploymentOfHouseholds(
      db,
      rows.map((r) => Number(r.household_id)),
      countyCode,
      period,
    ).catch(() => null);
    if (!e) continue;
    const members = new Map<number, MemberEmployment[]>();
    for (const m of e.members) members.set(m.householdId, [...(members.get(m.householdId) ?? []), m]);
    const counts = new Map<string, { labour: number; met: number }>();
    for (const r of rows) {
      const status = relocationEmploymentStatus(members.get(Number(r.household_id)) ?? []);
      const c = counts.get(r.village_code) ?? { labour: 0, met: 0 };
      if (status !== 'noLabour') c.labour += 1;
      if (status === 'met') c.met += 1;
      counts.set(r.village_code, c);
    }
    for (const [orgCode, c] of counts)
      out.push(
        { orgCode, element: 'relocation.labourHouseholds', period, value: c.labour },
        { orgCode, element: 'relocation.metHouseholds', period, value: c.met },
      );
  }
  return out;
}
