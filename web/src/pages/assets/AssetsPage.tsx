import { DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Card, Col, Row, Space, Statistic, Tag, Typography, Button, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import {
  ASSET_CATEGORIES,
  ASSET_CATEGORY_LABELS,
  OWNER_LEVEL_LABELS,
  OWNER_LEVELS,
} from '#common/domain/assets/rules.ts';
import { listExportUrl } from '#web/api/monitoring.ts';
import {
  ASSET_FILTER_KEYS,
  ASSETS_EXPORT_PATH,
  fetchAssetPage,
  fetchAssetSummary,
  projectKeys,
  type AssetRow,
} from '#web/api/projects.ts';
import { hasPermission, useActor } from '#web/auth/session.ts';
import { LedgerList } from '#web/components/LedgerListCard.tsx';
import { usePagedList } from '#web/components/usePagedList.ts';
import { useI18n } from '#web/i18n/useI18n.ts';
import { OrgUnitPicker } from '../org/OrgUnitPicker.tsx';
import { yuan } from '../projects/text.ts';
import { NewAssetModal } from './NewAssetModal.tsx';
import { useAssetsText } from './text.ts';

const CATEGORY_COLORS: Record<string, string> = { operating: 'gold', publicWelfare: 'blue', household: 'green' };

/** 资产台账: the county 总账 or, for a township or village, its 明细账 (the same rows, by scope), with filters. */
export default function AssetsPage() {
  const t = useAssetsText();
  const { label } = useI18n();
  const { data: actor } = useActor();
  // Filters, page and sort live in the address; the export takes the same filters and order.
  const list = usePagedList({
    key: [...projectKeys.assets, 'page'],
    filterKeys: ASSET_FILTER_KEYS,
    fetch: fetchAssetPage,
  });
  const filters = list.filters;
  const [creating, setCreating] = useState(false);
  const summary = useQuery({ queryKey: [...projectKeys.assets, 'summary'], queryFn: fetchAssetSummary });
  const level = actor?.orgCode.endsWith('000000') ? 'county' : actor?.orgCode.endsWith('000') ? 'township' : 'village';
  const book = level === 'county' ? t('countyLedger') : level === 'township' ? t('townshipLedger') : t('villageLedger');

  const columns: TableColumnsType<AssetRow> = [
    {
      title: t('code'),
      dataIndex: 'code',
      width: 160,
      ...list.sortable('code'),
      render: (c: string, a) => <Link to={`/assets/${a.id}`}>{c}</Link>,
    },
    {
      title: t('name'),
      dataIndex: 'name',
      ...list.sortable('name'),
      render: (n: string, a) =>
        a.photovoltaic ? (
          <span>
            {n} <Tag color="orange">{t('pv')}</Tag>
          </span>
        ) : (
          n
        ),
    },
    {
      title: t('category'),
      dataIndex: 'category',
      width: 90,
      ...list.sortable('category'),
      render: (c: AssetRow['category']) => <Tag color={CATEGORY_COLORS[c]}>{label(ASSET_CATEGORY_LABELS[c])}</Tag>,
    },
    { title: t('township'), dataIndex: 'townshipName', width: 90, render: (v: string | null) => v ?? '—' },
    { title: t('unit'), dataIndex: 'orgName', width: 100, ...list.sortable('orgCode') },
    { title: t('originYear'), dataIndex: 'originYear', width: 90, ...list.sortable('originYear') },
    {
      title: t('originalValue'),
      dataIndex: 'originalValueFen',
      width: 130,
      align: 'right',
      ...list.sortable('originalValueFen'),
      render: yuan,
    },
    {
      title: t('bookValue'),
      dataIndex: 'bookValueFen',
      width: 130,
      align: 'right',
      ...list.sortable('bookValueFen'),
      render: yuan,
    },
    {
      title: t('owner'),
      key: 'owner',
      width: 160,
      render: (_, a) => `${label(OWNER_LEVEL_LABELS[a.ownerLevel])} · ${a.ownerName}`,
    },
    {
      title: t('custodian'),
      key: 'custodian',
      width: 160,
      render: (_, a) =>
        a.custodian ? (
          `${a.custodian}${a.custodianPerson ? ` / ${a.custodianPerson}` : ''}`
        ) : (
          <Typography.Text type="warning">{t('noCustodian')}</Typography.Text>
        ),
    },
    {
      title: t('income'),
      dataIndex: 'incomeFen',
      width: 120,
      ...list.sortable('incomeFen'),
      align: 'right',
      render: (v: number) => (v ? yuan(v) : '—'),
    },
    {
      title: t('status'),
      dataIndex: 'status',
      width: 70,
      render: (s: string) => (s === 'inUse' ? t('inUse') : <Tag>{t('disposed')}</Tag>),
    },
  ];

  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <Row gutter={16}>
        {ASSET_CATEGORIES.map((c) => {
          const s = summary.data?.byCategory.find((x) => x.category === c);
          return (
            <Col span={8} key={c}>
              <Card size="small" loading={summary.isPending}>
                <Statistic
                  title={`${label(ASSET_CATEGORY_LABELS[c])}${t('assets')}（${s?.count ?? 0} ${t('items')}）`}
                  value={yuan(s?.originalValueFen ?? 0)}
                  suffix={t('yuanOriginal')}
                />
              </Card>
            </Col>
          );
        })}
      </Row>
      <Card
        title={book}
        extra={
          <Space>
            <Button
              icon={<DownloadOutlined />}
              href={listExportUrl(ASSETS_EXPORT_PATH, filters, list.request)}
              download
              data-testid="assets-export"
            >
              {t('export')}
            </Button>
            {hasPermission(actor, 'assets:write') && level !== 'village' && (
              <Button icon={<PlusOutlined />} onClick={() => setCreating(true)}>
                {t('newAsset')}
              </Button>
            )}
          </Space>
        }
      >
        <Typography.Paragraph type="secondary">{t('intro')}</Typography.Paragraph>
        <LedgerList
          list={list}
          filters={[
            {
              kind: 'select',
              key: 'category',
              placeholder: t('category'),
              width: 130,
              options: ASSET_CATEGORIES.map((v) => ({ value: v, label: label(ASSET_CATEGORY_LABELS[v]) })),
              testId: 'filter-category',
            },
            {
              kind: 'select',
              key: 'ownerLevel',
              placeholder: t('ownerLevel'),
              width: 130,
              options: OWNER_LEVELS.map((v) => ({ value: v, label: label(OWNER_LEVEL_LABELS[v]) })),
            },
            ...(level !== 'village'
              ? [
                  {
                    kind: 'node' as const,
                    node: (
                      <div style={{ width: 260 }}>
                        <OrgUnitPicker
                          allowedLevels={['township', 'village']}
                          onChange={(v) => list.setFilter('orgCode', (v as string | undefined) || undefined)}
                        />
                      </div>
                    ),
                  },
                ]
              : []),
            {
              kind: 'select',
              key: 'status',
              placeholder: t('status'),
              width: 110,
              options: [
                { value: 'inUse', label: t('inUse') },
                { value: 'disposed', label: t('disposed') },
              ],
            },
            { kind: 'search', key: 'q', placeholder: t('search'), width: 200 },
          ]}
          rowKey="id"
          columns={columns}
          emptyText={t('empty')}
          scrollX={1500}
        />
        <NewAssetModal open={creating} onClose={() => setCreating(false)} />
      </Card>
    </Space>
  );
}
