import type { RequestContext } from '#server/lib/context.ts';
import type { AssistanceFacts } from './registry.quality.ts';

/**
 * What the registry tells the rest of the system after a committed change: the monitoring engine
 * re-evaluates the households right away (issue 4 §5). A failing hook never undoes the edit; the
 * monthly run picks the household up anyway.
 */
export interface RegistryHooks {
  onHouseholdsChanged?: (ctx: RequestContext, householdIds: number[]) => Promise<unknown>;
  /** The assistance facts the data-quality checks read (server/app.ts gives assistance's; none when absent). */
  assistanceFacts?: AssistanceFacts;
  /** Where a failing hook is reported. */
  log?: (err: unknown) => void;
}

export function changeNotifier(hooks: RegistryHooks) {
  return async (ctx: RequestContext, householdIds: number[]): Promise<void> => {
    if (!hooks.onHouseholdsChanged || householdIds.length === 0) return;
    try {
      await hooks.onHouseholdsChanged(ctx, householdIds);
    } catch (err) {
      hooks.log?.(err);
    }
  };
}
