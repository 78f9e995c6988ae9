import type { Db } from '#server/db/connect.ts';
import { systemClock, todayInChina, type Clock } from '#server/lib/clock.ts';
import type { PersonalDataBox } from '#server/lib/crypto.ts';
import { bindDeps } from '#server/lib/use-cases.ts';
import { create, createMonitored, saveIncome, update } from './registry.edits.ts';
import { changeNotifier, type RegistryHooks } from './registry.hooks.ts';
import { get, quality, qualityWalk, revealId, search, timeline } from './registry.households.ts';
import { NO_ASSISTANCE_FACTS } from './registry.quality.ts';
import type { RegistryDeps } from './registry.shared.ts';

// 农户台账: one factory composing the use cases: reading households (registry.households.ts), writing them
// (registry.edits.ts), what they share (registry.shared.ts). Membership changes are registry.members.ts.

export { staleVersion, type MonitoringOrigin, type NewHousehold } from './registry.shared.ts';

export function createRegistryService(
  db: Db,
  box: PersonalDataBox,
  clock: Clock = systemClock,
  hooks: RegistryHooks = {},
) {
  const d: RegistryDeps = {
    db,
    box,
    today: () => todayInChina(clock()),
    changed: changeNotifier(hooks),
    assistanceFacts: hooks.assistanceFacts ?? NO_ASSISTANCE_FACTS,
  };
  return {
    search: bindDeps(d, search),
    get: bindDeps(d, get),
    create: bindDeps(d, create),
    createMonitored: bindDeps(d, createMonitored),
    update: bindDeps(d, update),
    saveIncome: bindDeps(d, saveIncome),
    timeline: bindDeps(d, timeline),
    revealId: bindDeps(d, revealId),
    quality: bindDeps(d, quality),
    qualityWalk: bindDeps(d, qualityWalk),
  };
}

export type RegistryService = ReturnType<typeof createRegistryService>;
