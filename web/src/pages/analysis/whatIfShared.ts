import dayjs from 'dayjs';
import type { AnalysisTextKey } from './text.ts';

// 政策试算: what the page's files share — the parameters a scenario may change and how they are shown.

/** The parameters the form offers; money in yuan on screen, fen in the API. */
export const FIELDS: { key: string; label: AnalysisTextKey; money: boolean; step?: number; max?: number }[] = [
  { key: 'monitoring.incomeLineFen', label: 'incomeLine', money: true },
  { key: 'medical.alleviatedOutOfPocketFen', label: 'alleviatedOop', money: true },
  { key: 'medical.otherOutOfPocketFen', label: 'otherOop', money: true },
  { key: 'monitoring.lookbackMonths', label: 'lookback', money: false, max: 36 },
  { key: 'monitoring.incomeDropRatio', label: 'dropRatio', money: false, step: 0.05, max: 1 },
];

export const fieldName = (key: string) => key.replace(/\./g, '_');

/** The label of a parameter's key ('changed' for one the form does not offer). */
export const fieldLabel = (key: string): AnalysisTextKey => FIELDS.find((f) => f.key === key)?.label ?? 'changed';

export const shown = (key: string, value: unknown) =>
  typeof value === 'number' && FIELDS.find((f) => f.key === key)?.money
    ? (value / 100).toLocaleString('zh-CN')
    : String(value);

export const lastMonth = () => dayjs().subtract(1, 'month').format('YYYY-MM');
