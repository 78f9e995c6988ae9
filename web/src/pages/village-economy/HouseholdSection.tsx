import { useQuery } from '@tanstack/react-query';
import { Card, Table } from 'antd';
import { PRODUCT_CATEGORIES, zhOfCode } from '#common/domain/village-economy/codes.ts';
import { consumerKeys, fetchProducts, type ProductPage } from '#web/api/village-economy.ts';
import { hasPermission, useActor } from '#web/auth/session.ts';
import { useMessages } from '#web/i18n/useI18n.ts';
import { yuan } from '../projects/text.ts';
import { CONSUMER_TEXT } from './text.ts';

type ProductRow = ProductPage['items'][number];

/** 消费帮扶 on the household page: the products the household supplies and their sales (shown only when it supplies). */
export function ConsumerHouseholdSection({ householdId }: { householdId: number }) {
  const t = useMessages(CONSUMER_TEXT);
  const { data: actor } = useActor();
  const canRead = hasPermission(actor, 'programmes:read');
  const query = useQuery({
    queryKey: [...consumerKeys.products(), 'household', householdId],
    queryFn: () => fetchProducts({ householdId, page: 1, pageSize: 50 }),
    enabled: canRead,
  });
  if (!canRead || !query.data || query.data.total === 0) return null;
  return (
    <Card title={t('sectionTitle')} data-testid="consumer-section">
      <Table<ProductRow>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={query.data.items}
        scroll={{ x: 420 }}
        columns={[
          { title: t('product'), dataIndex: 'name', width: 140, fixed: 'left' },
          {
            title: t('category'),
            dataIndex: 'category',
            width: 100,
            render: (v: string) => zhOfCode(PRODUCT_CATEGORIES, v),
          },
          {
            title: t('salesTotal'),
            dataIndex: 'salesTotalFen',
            width: 130,
            align: 'right',
            render: (v: number) => yuan(v),
          },
        ]}
      />
    </Card>
  );
}
