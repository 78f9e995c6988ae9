import type { Dayjs } from 'dayjs';
import { POINTS_CATEGORIES } from '#common/domain/village-points/codes.ts';
import { chinaToday } from '#web/components/chinaDay.ts';

export const thisYear = Number(chinaToday().format('YYYY'));

export const yearOptions = Array.from({ length: 6 }, (_, i) => ({
  value: String(thisYear - i),
  label: String(thisYear - i),
}));

export const categoryOptions = POINTS_CATEGORIES.map((c) => ({ value: c.code, label: c.zh }));

export const day = (d: Dayjs) => d.format('YYYY-MM-DD');

export const signed = (n: number) => (n > 0 ? `+${n}` : String(n));
