import { useQuery } from '@tanstack/react-query';
import { Button, Card, Col, Progress, Row, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { OUTLET_KINDS, zhOfCode } from '#common/domain/village-economy/codes.ts';
import { consumerKeys, fetchConsumerSummary } from '#web/api/village-economy.ts';
import { hasPermission, useActor } from '#web/auth/session.ts';
import { chinaToday } from '#web/components/chinaDay.ts';
import { LedgerListCard } from '#web/components/LedgerListCard.tsx';
import { QueryState } from '#web/components/states.tsx';
import { useMessages } from '#web/i18n/useI18n.ts';
import { yuan } from '../projects/text.ts';
import { CONSUMER_TEXT } from './text.ts';
import { OutletModal, ProductModal, SaleModal } from './ConsumerAssistanceModals.tsx';
import { OutletsTab, ProductsTab, SalesTab } from './ConsumerAssistanceTabs.tsx';

/** 消费帮扶: 专馆/专区/专柜 against the 2/2/20 target, outlets, products and suppliers, monthly sales. */
export default function ConsumerAssistancePage() {
  const t = useMessages(CONSUMER_TEXT);
  const { data: actor } = useActor();
  const canWrite = hasPermission(actor, 'programmes:write') && actor?.role !== 'auditor';
  const [dialog, setDialog] = useState<'outlet' | 'product' | 'sale' | null>(null);
  return (
    <LedgerListCard
      title={t('title')}
      testId="consumer-page"
      extra={
        canWrite && (
          <Space wrap>
            <Button type="primary" onClick={() => setDialog('outlet')}>
              {t('newOutlet')}
            </Button>
            <Button onClick={() => setDialog('product')}>{t('newProduct')}</Button>
            <Button onClick={() => setDialog('sale')}>{t('newSale')}</Button>
          </Space>
        )
      }
      intro={t('intro')}
      tabs={[
        { key: 'outlets', label: t('tabOutlets'), children: <OutletsTab canWrite={canWrite} /> },
        { key: 'products', label: t('tabProducts'), children: <ProductsTab /> },
        { key: 'sales', label: t('tabSales'), children: <SalesTab /> },
      ]}
    >
      <Summary />
      {dialog === 'outlet' && <OutletModal onClose={() => setDialog(null)} />}
      {dialog === 'product' && <ProductModal onClose={() => setDialog(null)} />}
      {dialog === 'sale' && <SaleModal onClose={() => setDialog(null)} />}
    </LedgerListCard>
  );
}

function Summary() {
  const t = useMessages(CONSUMER_TEXT);
  const { data: actor } = useActor();
  const countyWide = !actor || actor.orgCode.endsWith('000000');
  const year = chinaToday().year();
  const query = useQuery({ queryKey: consumerKeys.summary(year), queryFn: () => fetchConsumerSummary(year) });
  return (
    <QueryState query={query}>
      {(s) => (
        <div data-testid="consumer-summary" style={{ marginBottom: 16 }}>
          <Row gutter={[16, 16]}>
            {s.progress.map((p) => (
              <Col key={p.kind} xs={24} sm={8}>
                <Card size="small" title={`${zhOfCode(OUTLET_KINDS, p.kind)} · ${t('target')}`}>
                  <Progress percent={p.target ? Math.min(100, Math.round((p.built / p.target) * 100)) : 100} />
                  <div>{t('built', { built: p.built, target: p.target })}</div>
                  {p.met ? (
                    <Tag color="green">{t('met')}</Tag>
                  ) : (
                    <Tag color="orange">{t('short', { n: p.shortfall })}</Tag>
                  )}
                </Card>
              </Col>
            ))}
          </Row>
          <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
            {s.targetSource}
            {!countyWide && t('scopeNote')}
          </Typography.Paragraph>
          <Typography.Paragraph style={{ marginBottom: 0 }}>
            {t('salesYear', { year: s.year })}：{yuan(s.salesYearFen)} 元 ·{' '}
            {t('suppliers', { households: s.suppliers.households, cooperatives: s.suppliers.cooperatives })}
          </Typography.Paragraph>
        </div>
      )}
    </QueryState>
  );
}
