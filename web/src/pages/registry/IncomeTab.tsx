import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Empty, Flex, Table, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import type { HouseholdDetail, IncomeRow } from '#web/api/registry.ts';
import { IncomeModal } from './IncomeModal.tsx';
import { FIELD_LABELS, INCOME_FIELDS, yuan } from './labels.ts';
import { useRegistryText } from './text.ts';

const money = {
  align: 'right' as const,
  width: 120,
  render: (fen: number) => <span style={{ fontVariantNumeric: 'tabular-nums' }}>{yuan(fen)}</span>,
};

/** Yearly income in yuan (stored as fen), newest year first, with 家庭纯收入 and 人均纯收入. */
export function IncomeTab({ household, canWrite }: { household: HouseholdDetail; canWrite: boolean }) {
  const { t, label } = useRegistryText();
  const [editing, setEditing] = useState<{ row: IncomeRow | null } | null>(null);
  const columns: TableColumnsType<IncomeRow> = [
    { title: t('incomeYear'), dataIndex: 'year', width: 70, fixed: 'start' },
    { title: label(FIELD_LABELS.householdSize), dataIndex: 'householdSize', width: 90, align: 'right' },
    { title: t('netIncome'), dataIndex: 'netIncome', ...money },
    {
      title: t('perCapita'),
      dataIndex: 'perCapitaNetIncome',
      ...money,
      render: (fen: number) => (
        <Typography.Text strong data-testid="per-capita" style={{ fontVariantNumeric: 'tabular-nums' }}>
          {yuan(fen)}
        </Typography.Text>
      ),
    },
    ...INCOME_FIELDS.map((key) => ({ title: label(FIELD_LABELS[key]), dataIndex: key, ...money })),
    ...(canWrite
      ? [
          {
            title: t('actions'),
            key: 'actions',
            width: 80,
            fixed: 'end' as const,
            render: (_: unknown, row: IncomeRow) => (
              <Button size="small" icon={<EditOutlined />} onClick={() => setEditing({ row })}>
                {t('edit')}
              </Button>
            ),
          },
        ]
      : []),
  ];

  return (
    <>
      <Flex justify="space-between" align="center" style={{ marginBottom: 12 }}>
        <Typography.Text type="secondary">{t('moneyUnit')}</Typography.Text>
        {canWrite && (
          <Button icon={<PlusOutlined />} onClick={() => setEditing({ row: null })}>
            {t('addYear')}
          </Button>
        )}
      </Flex>
      {household.incomes.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('noIncome')} />
      ) : (
        <Table<IncomeRow>
          rowKey="year"
          size="middle"
          columns={columns}
          dataSource={household.incomes}
          pagination={false}
          scroll={{ x: 1400 }}
        />
      )}
      {editing && <IncomeModal household={household} row={editing.row} onClosed={() => setEditing(null)} />}
    </>
  );
}
