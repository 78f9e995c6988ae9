import { DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import {
  Card,
  Col,
  Input,
  Row,
  Select,
  Space,
  Statistic,
  Table,
  Tag,
  Typography,
  Button,
  type TableColumnsType,
} from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import {
  ASSET_CATEGORIES,
  ASSET_CATEGORY_LABELS,
  OWNER_LEVEL_LABELS,
  OWNER_LEVELS,
} from '../../../../common/domain/assets/rules.ts';
import {
  assetsExportUrl,
  fetchAssets,
  fetchAssetSummary,
  projectKeys,
  type AssetFilters,
  type AssetRow,
} from '../../api/projects.ts';
import { hasPermission, useActor } from '../../auth/session.ts';
import { QueryErrorResult } from '../../components/QueryErrorResult.tsx';
import { useI18n } from '../../i18n/useI18n.ts';
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
  const [filters, setFilters] = useState<AssetFilters>({});
  const [creating, setCreating] = useState(false);
  const query = useQuery({ queryKey: [...projectKeys.assets, 'list', filters], queryFn: () => fetchAssets(filters) });
  const summary = useQuery({ queryKey: [...projectKeys.assets, 'summary'], queryFn: fetchAssetSummary });
  const level = actor?.orgCode.endsWith('000000') ? 'county' : actor?.orgCode.endsWith('000') ? 'township' : 'village';
  const book = level === 'county' ? t('countyLedger') : level === 'township' ? t('townshipLedger') : t('villageLedger');

  const columns: TableColumnsType<AssetRow> = [
    {
      title: t('code'),
      dataIndex: 'code',
      width: 160,
      render: (c: string, a) => <Link to={`/assets/${a.id}`}>{c}</Link>,
    },
    {
      title: t('name'),
      dataIndex: 'name',
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
      render: (c: AssetRow['category']) => <Tag color={CATEGORY_COLORS[c]}>{label(ASSET_CATEGORY_LABELS[c])}</Tag>,
    },
    { title: t('township'), dataIndex: 'townshipName', width: 90, render: (v: string | null) => v ?? '—' },
    { title: t('unit'), dataIndex: 'orgName', width: 100 },
    { title: t('originYear'), dataIndex: 'originYear', width: 70 },
    { title: t('originalValue'), dataIndex: 'originalValueFen', width: 130, align: 'right', render: yuan },
    { title: t('bookValue'), dataIndex: 'bookValueFen', width: 130, align: 'right', render: yuan },
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
      width: 110,
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
            <Button icon={<DownloadOutlined />} href={assetsExportUrl(filters)} download>
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
        <Space wrap style={{ marginBottom: 16 }}>
          <Select
            allowClear
            placeholder={t('category')}
            style={{ width: 130 }}
            options={ASSET_CATEGORIES.map((v) => ({ value: v, label: label(ASSET_CATEGORY_LABELS[v]) }))}
            onChange={(v) => setFilters((f) => ({ ...f, category: v }))}
            data-testid="filter-category"
          />
          <Select
            allowClear
            placeholder={t('ownerLevel')}
            style={{ width: 130 }}
            options={OWNER_LEVELS.map((v) => ({ value: v, label: label(OWNER_LEVEL_LABELS[v]) }))}
            onChange={(v) => setFilters((f) => ({ ...f, ownerLevel: v }))}
          />
          {level !== 'village' && (
            <div style={{ width: 260 }}>
              <OrgUnitPicker
                allowedLevels={['township', 'village']}
                onChange={(v) => setFilters((f) => ({ ...f, orgCode: (v as string | undefined) || undefined }))}
              />
            </div>
          )}
          <Select
            allowClear
            placeholder={t('status')}
            style={{ width: 110 }}
            options={[
              { value: 'inUse', label: t('inUse') },
              { value: 'disposed', label: t('disposed') },
            ]}
            onChange={(v) => setFilters((f) => ({ ...f, status: v }))}
          />
          <Input.Search
            placeholder={t('search')}
            allowClear
            onSearch={(q) => setFilters((f) => ({ ...f, q: q || undefined }))}
            style={{ width: 200 }}
          />
        </Space>
        {query.isError ? (
          <QueryErrorResult error={query.error} onRetry={() => query.refetch()} />
        ) : (
          <Table<AssetRow>
            rowKey="id"
            size="middle"
            columns={columns}
            dataSource={query.data ?? []}
            loading={query.isPending}
            locale={{ emptyText: t('empty') }}
            pagination={{ pageSize: 20, hideOnSinglePage: true }}
            scroll={{ x: 1500 }}
          />
        )}
        <NewAssetModal open={creating} onClose={() => setCreating(false)} />
      </Card>
    </Space>
  );
}
