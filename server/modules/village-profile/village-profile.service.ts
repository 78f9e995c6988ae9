import type { z } from 'zod';
import type { villageProfileQuery } from '#common/contracts/village-profile.ts';
import { levelOfCode } from '#common/domain/org-code.ts';
import type { Db } from '#server/db/connect.ts';
import { AppError } from '#server/lib/app-error.ts';
import { systemClock, todayInChina, type Clock } from '#server/lib/clock.ts';
import type { RequestContext } from '#server/lib/context.ts';
import { requireInScope, requirePermission } from '#server/lib/permissions.ts';
import type { VillageSectionProvider } from './village-profile.types.ts';

// 村情: the cockpit's village view of the village programmes (issue 15). Each section comes from the module that owns
// the programme (its `*.village.ts`, exported by its index.ts and listed in app.ts); this service checks permission and
// scope, fixes the year and the day the state is read at, and asks every provider. Nothing is written.

export function createVillageProfileService(
  db: Db,
  providers: readonly VillageSectionProvider[],
  clock: Clock = systemClock,
) {
  async function profile(ctx: RequestContext, q: z.infer<typeof villageProfileQuery>) {
    requirePermission(ctx, 'indicators:read');
    requireInScope(ctx, q.org);
    if (levelOfCode(q.org) !== 'village')
      throw AppError.validation([
        { field: 'org', messageZh: '村情只对村（社区）提供', messageEn: 'The village view is for a village' },
      ]);
    const today = todayInChina(clock());
    const thisYear = Number(today.slice(0, 4));
    const year = q.year ?? thisYear;
    if (year > thisYear)
      throw AppError.validation([
        { field: 'year', messageZh: '年度不能晚于今年', messageEn: 'The year is in the future' },
      ]);
    const asOf = year === thisYear ? today : `${year}-12-31`;
    const sections = [];
    for (const provide of providers) sections.push(await provide(db, { orgCode: q.org, year, asOf }));
    return { orgCode: q.org, year, sections };
  }
  return { profile };
}

export type VillageProfileService = ReturnType<typeof createVillageProfileService>;
