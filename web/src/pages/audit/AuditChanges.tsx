import { Table, Typography, type TableColumnsType } from 'antd';
import { ROLE_LABELS, type Role } from '#common/domain/roles.ts';
import type { AuditRow } from '#web/api/audit.ts';
import { useI18n } from '#web/i18n/useI18n.ts';
import { diffAuditSnapshots, type FieldChange } from './auditDiff.ts';
import { AUDIT_FIELD_LABELS, labelOr } from './auditLabels.ts';

/** Codes a reader should not have to decode: roles by their Chinese name, flags as 是/否. */
function readable(
  field: string,
  value: string,
  t: (key: 'common.yes' | 'common.no') => string,
  language: string,
): string {
  if (field === 'role' && value in ROLE_LABELS) {
    const pair = ROLE_LABELS[value as Role];
    return `${language === 'en' ? pair.en : pair.zh} (${value})`;
  }
  if (value === 'true') return t('common.yes');
  if (value === 'false') return t('common.no');
  return value;
}

export function AuditChanges({ row }: { row: AuditRow }) {
  const { t, language } = useI18n();
  const changes = diffAuditSnapshots(row.before, row.after);
  if (changes.length === 0) return <Typography.Text type="secondary">{t('audit.noChanges')}</Typography.Text>;

  const cell = (field: string, value: string, tone: 'before' | 'after', changed: boolean) => (
    <Typography.Text
      style={{
        whiteSpace: 'pre-wrap',
        fontFamily: 'monospace',
        fontSize: 12,
        background: changed && value ? (tone === 'before' ? '#fff1f0' : '#f6ffed') : undefined,
      }}
      delete={changed && tone === 'before' && value !== ''}
    >
      {value ? readable(field, value, t, language) : '—'}
    </Typography.Text>
  );
  const columns: TableColumnsType<FieldChange> = [
    {
      title: t('audit.field'),
      dataIndex: 'field',
      width: 180,
      render: (field: string) => labelOr(AUDIT_FIELD_LABELS, field, language),
    },
    {
      title: t('audit.before'),
      dataIndex: 'before',
      render: (value: string, change) => cell(change.field, value, 'before', change.changed),
    },
    {
      title: t('audit.after'),
      dataIndex: 'after',
      render: (value: string, change) => cell(change.field, value, 'after', change.changed),
    },
  ];
  return (
    <Table<FieldChange>
      size="small"
      rowKey="field"
      pagination={false}
      columns={columns}
      dataSource={changes}
      style={{ maxWidth: 900 }}
    />
  );
}
