import { useQuery } from '@tanstack/react-query';
import { Descriptions, Typography } from 'antd';
import { useMemo } from 'react';
import { fetchParams } from '#web/api/params.ts';
import { hasPermission, useActor } from '#web/auth/session.ts';
import { useI18n, pickIn } from '#web/i18n/useI18n.ts';
import { evidenceRows, type EvidenceRow, type ParamInfo } from './evidence.ts';
import { keys } from '#web/api/queryKeys.ts';

/** Parameter names and units, to label the thresholds found in evidence. */
export function useParamInfo(): Record<string, ParamInfo> | undefined {
  const { language } = useI18n();
  const { data: actor } = useActor();
  const query = useQuery({
    queryKey: keys.params.list(),
    queryFn: fetchParams,
    enabled: hasPermission(actor, 'params:read'),
    staleTime: 5 * 60_000,
  });
  return useMemo(
    () =>
      query.data &&
      Object.fromEntries(
        query.data.map((p) => [p.key, { label: pickIn(language, p.labelZh, p.labelEn), unit: p.unit }]),
      ),
    [query.data, language],
  );
}

function RowValue({ row }: { row: EvidenceRow }) {
  return (
    <div>
      {row.value && <span style={{ whiteSpace: 'pre-wrap' }}>{row.value}</span>}
      {row.note && (
        <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
          {row.note}
        </Typography.Text>
      )}
      {row.children && row.children.length > 0 && (
        <div style={{ marginTop: row.value ? 4 : 0 }}>
          {row.children.map((child) => (
            <div key={child.key} style={{ padding: '2px 0', borderTop: '1px dashed #f0f0f0' }}>
              <Typography.Text type="secondary">{child.label}：</Typography.Text>
              <RowValue row={{ ...child, key: child.key }} />
            </div>
          ))}
        </div>
      )}
    </div>
  );
}

/** Evidence as labelled rows (never raw JSON). */
export function EvidenceList({
  evidence,
  testId,
}: {
  evidence: Record<string, unknown> | null | undefined;
  testId?: string;
}) {
  const { language } = useI18n();
  const params = useParamInfo();
  const rows = evidenceRows(evidence, { language, params });
  if (rows.length === 0) return <Typography.Text type="secondary">—</Typography.Text>;
  return (
    <Descriptions
      data-testid={testId}
      size="small"
      column={1}
      bordered
      styles={{ label: { width: 140, whiteSpace: 'nowrap' } }}
      items={rows.map((row) => ({
        key: row.key,
        label: row.label,
        children: <RowValue row={row} />,
      }))}
    />
  );
}
