import { villageProfile, villageProfileQuery } from '#common/contracts/village-profile.ts';
import { requireCtx } from '#server/http/session.ts';
import type { App } from '#server/http/types.ts';
import type { VillageProfileService } from './village-profile.service.ts';

export function villageProfileRoutes(app: App, deps: { villageProfile: VillageProfileService }): void {
  app.get(
    '/api/village-profile',
    {
      schema: {
        tags: ['indicators'],
        summary: '村情：村级帮扶机制一览（驾驶舱村级视图）',
        querystring: villageProfileQuery,
        response: { 200: villageProfile },
      },
    },
    (req) => deps.villageProfile.profile(requireCtx(req), req.query),
  );
}
