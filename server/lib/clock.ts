/** The county's calendar day (UTC+8, no daylight saving): what "today" means for dates in the registry. */
export function todayInChina(now: Date = new Date()): string {
  return new Date(now.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
}

export type Clock = () => Date;
export const systemClock: Clock = () => new Date();
