import dayjs, { type Dayjs } from 'dayjs';

// The county's day is China's (UTC+8), whatever the browser's time zone: form defaults and "not after today"
// checks use it, so a date the server checks against the China day is never a day behind (or ahead).
const CHINA_OFFSET_MS = 8 * 3600 * 1000;

/** Today in China as a local-midnight dayjs (for DatePicker values and comparisons by day). */
export function chinaToday(now: number = Date.now()): Dayjs {
  return dayjs(new Date(now + CHINA_OFFSET_MS).toISOString().slice(0, 10));
}
