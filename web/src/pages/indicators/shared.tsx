import { Tag } from 'antd';
import { STATUS_LABELS } from '#common/domain/indicators/targets.ts';
import type { TargetStatus } from '#common/domain/indicators/model.ts';
import { useI18n } from '#web/i18n/useI18n.ts';

/** `l('中文', 'English')`: the i18n hook's `pick`. */
export function useL() {
  return useI18n().pick;
}

export function StatusTag({ status }: { status: TargetStatus }) {
  const l = useL();
  const s = STATUS_LABELS[status];
  return (
    <Tag color={status === 'noData' ? 'default' : s.color} data-status={status}>
      {l(s.zh, s.en)}
    </Tag>
  );
}

export const fmtValue = (v: number | null, decimals: number, unit = '') =>
  v === null
    ? '—'
    : `${v.toLocaleString('zh-CN', { maximumFractionDigits: decimals, minimumFractionDigits: decimals })}${unit === '%' ? '%' : unit ? ` ${unit}` : ''}`;

export const APPROVAL_LABELS: Record<string, { zh: string; en: string; color: string }> = {
  open: { zh: '填报中', en: 'Open', color: 'default' },
  submitted: { zh: '已上报待审核', en: 'Submitted', color: 'blue' },
  approvedTownship: { zh: '乡镇已审核', en: 'Township approved', color: 'cyan' },
  approvedCounty: { zh: '县级已审定', en: 'County approved', color: 'green' },
};

export const BAND_COLORS: Record<string, string> = {
  green: '#f6ffed',
  yellow: '#fffbe6',
  red: '#fff1f0',
  grey: '#fafafa',
};

export function currentMonth(): string {
  const d = new Date(Date.now() + 8 * 3600_000);
  return d.toISOString().slice(0, 7);
}

export function download(url: string) {
  const a = document.createElement('a');
  a.href = url;
  a.rel = 'noopener';
  document.body.appendChild(a);
  a.click();
  a.remove();
}
