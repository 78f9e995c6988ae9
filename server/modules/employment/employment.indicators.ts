import { employmentFigures } from '#common/domain/employment/rules.ts';
import type { LeafValue } from '#common/domain/indicators/rollup.ts';
import type { Db } from '#server/db/connect.ts';
import { programmeFactsOfCounty } from './employment.repository.ts';
import { employmentParams, spellsByPerson } from './employment.service.ts';

// The indicators' computed source `employment.*` (就业率, 持证率, 外出务工人数 on the cockpit): per village and month,
// the module's own figures (`employmentFigures`, the same rule as GET /api/employment/figures) over the programme's
// people of the village. Months only: the rule is monthly. The engine sums villages up to township and county.

export async function employmentIndicatorsProvider(
  db: Db,
  countyCode: string,
  periods: readonly string[],
): Promise<LeafValue[]> {
  const months = [...new Set(periods.filter((p) => /^\d{4}-\d{2}$/.test(p)))];
  if (months.length === 0) return [];
  const { people, jobs, trainings } = await programmeFactsOfCounty(db, countyCode);
  const spells = spellsByPerson(jobs);
  const certified = new Map(trainings.map((t) => [Number(t.person_id), t.certified]));
  const byVillage = new Map<string, typeof people>();
  for (const x of people) byVillage.set(x.village_code, [...(byVillage.get(x.village_code) ?? []), x]);
  const out: LeafValue[] = [];
  for (const period of months) {
    // A month before the parameters were in force has no figures (no data, never a failed cockpit).
    const p = await employmentParams(db, countyCode, period).catch(() => null);
    if (!p) continue;
    for (const [orgCode, list] of byVillage) {
      const f = employmentFigures(
        list.map((x) => ({
          labourSkill: x.labour_skill,
          spells: spells.get(Number(x.person_id)) ?? [],
          trained: certified.has(Number(x.person_id)),
          certified: certified.get(Number(x.person_id)) === true,
        })),
        period,
        p,
      );
      const put = (element: string, value: number) => out.push({ orgCode, element, period, value });
      put('employment.labourers', f.labourers);
      put('employment.employed', f.employed);
      put('employment.certificateBase', f.certificateRate.denominator);
      put('employment.certified', f.certificateRate.numerator);
      put('employment.workingAway', f.workingAway);
    }
  }
  return out;
}
