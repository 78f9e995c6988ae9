import { Tag } from 'antd';
import { MONITORING_TYPES } from '#common/domain/registry/codes.ts';
import { codeLabel, MONITORING_STATUS_COLOURS, MONITORING_STATUSES } from './labels.ts';

/** 监测中 · 脱贫不稳定户 as one tag; colour by status. */
export function MonitoringTag({ status, type }: { status: string; type: string | null }) {
  return (
    <Tag color={MONITORING_STATUS_COLOURS[status] ?? 'default'} variant="outlined">
      {codeLabel(MONITORING_STATUSES, status)}
      {type ? ` · ${codeLabel(MONITORING_TYPES, type)}` : ''}
    </Tag>
  );
}
