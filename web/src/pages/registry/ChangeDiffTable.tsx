import { Table, Typography, type TableColumnsType } from 'antd';
import { describeChange, type DiffLine } from './changeDiff.ts';
import { useRegistryText } from './text.ts';
import { useOrgNames } from './useOrgNames.ts';

const cell = (value: string, tone: 'before' | 'after') => (
  <Typography.Text
    style={{
      whiteSpace: 'pre-wrap',
      fontSize: 13,
      background: value !== '—' ? (tone === 'before' ? '#fff1f0' : '#f6ffed') : undefined,
    }}
    delete={tone === 'before' && value !== '—'}
  >
    {value}
  </Typography.Text>
);

/** Before → after of one registry change, field by field, in words. */
export function ChangeDiffTable({ before, after }: { before: unknown; after: unknown }) {
  const { t, language } = useRegistryText();
  const { nameOf } = useOrgNames();
  const lines = describeChange(before, after, { language, orgName: nameOf });
  if (lines.length === 0) return <Typography.Text type="secondary">{t('noChanges')}</Typography.Text>;
  const columns: TableColumnsType<DiffLine> = [
    { title: t('field'), dataIndex: 'label', width: 200 },
    { title: t('before'), dataIndex: 'before', render: (value: string) => cell(value, 'before') },
    { title: t('after'), dataIndex: 'after', render: (value: string) => cell(value, 'after') },
  ];
  return (
    <Table<DiffLine>
      size="small"
      rowKey="key"
      pagination={false}
      columns={columns}
      dataSource={lines}
      style={{ maxWidth: 860 }}
    />
  );
}
