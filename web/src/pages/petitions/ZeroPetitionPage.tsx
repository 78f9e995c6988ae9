import { DownloadOutlined } from '@ant-design/icons';
import { Button, Card, Select, Space, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { fetchZeroPetition, petitionKeys, zeroPetitionExportUrl, type ZeroPetitionPage } from '#web/api/petitions.ts';
import { chinaToday } from '#web/components/chinaDay.ts';
import { LedgerList } from '#web/components/LedgerListCard.tsx';
import { usePagedList } from '#web/components/usePagedList.ts';
import { RegistryOrgFilter } from '../registry/RegistryOrgFilter.tsx';
import { usePetitionText } from './text.ts';

type Row = ZeroPetitionPage['items'][number];
const thisYear = Number(chinaToday().format('YYYY'));
const yearOptions = Array.from({ length: 6 }, (_, i) => ({ value: String(thisYear - i), label: String(thisYear - i) }));

/** 零上访村: per village and year (no 信访 received that year), summed per township. */
export default function ZeroPetitionPage() {
  const t = usePetitionText();
  const list = usePagedList({
    key: petitionKeys.zero(),
    filterKeys: ['year', 'orgCode', 'zero'] as const,
    fetch: (f, p) => fetchZeroPetition({ ...f, ...p }),
    defaultPageSize: 50,
  });
  const year = list.filters.year ?? String(thisYear);
  const columns: TableColumnsType<Row> = [
    { title: t('village'), dataIndex: 'villageName', ...list.sortable('orgCode'), width: 110, fixed: 'left' },
    { title: t('township'), dataIndex: 'townshipName', width: 100 },
    { title: t('petitions'), dataIndex: 'petitions', ...list.sortable('petitions'), width: 90, align: 'right' },
    { title: t('openPetitions'), dataIndex: 'openPetitions', width: 90, align: 'right' },
    { title: t('publicOpinion'), dataIndex: 'publicOpinion', width: 90, align: 'right' },
    {
      title: t('zeroPetition'),
      dataIndex: 'zeroPetition',
      width: 90,
      render: (v: boolean) => (v ? <Tag color="green">{t('yes')}</Tag> : <Tag color="red">{t('no')}</Tag>),
    },
  ];
  const summary = list.query.data?.townships ?? [];
  const total = summary.reduce(
    (a, b) => ({
      villages: a.villages + b.villages,
      zeroVillages: a.zeroVillages + b.zeroVillages,
      petitions: a.petitions + b.petitions,
    }),
    { villages: 0, zeroVillages: 0, petitions: 0 },
  );
  return (
    <Card title={t('zeroTitle')} data-testid="zero-petition-page">
      <Typography.Paragraph type="secondary">{t('zeroIntro')}</Typography.Paragraph>
      <Typography.Paragraph type="secondary">{t('zeroDefinition')}</Typography.Paragraph>
      <Space wrap style={{ marginBottom: 16, display: 'flex' }}>
        <Select style={{ width: 110 }} value={year} onChange={(v) => list.setFilter('year', v)} options={yearOptions} />
        <RegistryOrgFilter
          value={list.filters.orgCode}
          onChange={(v) => list.setFilter('orgCode', v)}
          style={{ width: 200 }}
        />
        <Select
          allowClear
          style={{ width: 160 }}
          placeholder={t('zeroPetition')}
          value={list.filters.zero}
          onChange={(v) => list.setFilter('zero', v)}
          options={[
            { value: '1', label: t('zeroOnly') },
            { value: '0', label: t('notZeroOnly') },
          ]}
        />
        <Button icon={<DownloadOutlined />} href={zeroPetitionExportUrl({ ...list.filters, year })} download>
          {t('export')}
        </Button>
      </Space>
      <Typography.Title level={5}>{t('byTownship')}</Typography.Title>
      <Table
        size="small"
        pagination={false}
        style={{ marginBottom: 16 }}
        data-testid="zero-petition-townships"
        scroll={{ x: 400 }}
        rowKey="key"
        loading={list.query.isPending}
        dataSource={[
          ...summary.map((s) => ({ key: s.townshipCode, name: s.townshipName ?? s.townshipCode, ...s })),
          ...(summary.length > 1 ? [{ key: 'total', name: t('total'), ...total }] : []),
        ]}
        columns={[
          { title: t('township'), dataIndex: 'name', width: 110 },
          { title: t('villages'), dataIndex: 'villages', width: 90, align: 'right' },
          { title: t('zeroVillages'), dataIndex: 'zeroVillages', width: 110, align: 'right' },
          { title: t('petitions'), dataIndex: 'petitions', width: 90, align: 'right' },
        ]}
      />
      <LedgerList<Row, 'year' | 'orgCode' | 'zero'>
        list={list}
        rowKey="orgCode"
        testId="zero-petition-villages"
        columns={columns}
        emptyText={t('empty')}
        scrollX={600}
      />
    </Card>
  );
}
