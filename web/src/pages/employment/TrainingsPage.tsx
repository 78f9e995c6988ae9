import { DownloadOutlined } from '@ant-design/icons';
import { Button, Card, Input, Select, Space, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { employmentExportUrl, employmentKeys, fetchTrainings, type TrainingPage } from '../../api/employment.ts';
import { hasPermission, useActor } from '../../auth/session.ts';
import { HouseholdLink } from '../../components/HouseholdLink.tsx';
import { QueryErrorResult } from '../../components/QueryErrorResult.tsx';
import { usePagedList } from '../../components/usePagedList.ts';
import { useI18n } from '../../i18n/useI18n.ts';
import { RegistryOrgFilter } from '../registry/RegistryOrgFilter.tsx';
import { CERTIFICATE_LABELS, TRAINING_LABELS, pick, useEmploymentText } from './text.ts';
import { ImportButton } from './ImportButton.tsx';

type Row = TrainingPage['items'][number];
const FILTER_KEYS = ['orgCode', 'kind', 'certified', 'q'] as const;

/** 技能培训台账: training taken and the certificates obtained (人人持证). */
export default function TrainingsPage() {
  const t = useEmploymentText();
  const { language } = useI18n();
  const { data: actor } = useActor();
  const list = usePagedList({
    key: employmentKeys.trainings(),
    filterKeys: FILTER_KEYS,
    fetch: (f, p) => fetchTrainings({ ...f, ...p }),
    defaultSort: { sort: 'startOn', order: 'desc' },
  });

  const columns: TableColumnsType<Row> = [
    { title: t('name'), dataIndex: 'personName', ...list.sortable('personName'), width: 90, fixed: 'left' },
    {
      title: t('householdNo'),
      dataIndex: 'householdNo',
      width: 170,
      render: (no: string | null, r) => (no ? <HouseholdLink id={r.householdId}>{no}</HouseholdLink> : '—'),
    },
    { title: t('village'), dataIndex: 'villageName', ...list.sortable('village'), width: 100 },
    {
      title: t('kind'),
      dataIndex: 'kind',
      ...list.sortable('kind'),
      width: 150,
      render: (k: Row['kind']) => pick(TRAINING_LABELS[k], language),
    },
    { title: t('course'), dataIndex: 'course', width: 140 },
    { title: t('provider'), dataIndex: 'provider', width: 140, render: (v: string | null) => v ?? '—' },
    { title: t('startOn'), dataIndex: 'startOn', ...list.sortable('startOn'), width: 110 },
    { title: t('endOn'), dataIndex: 'endOn', width: 110 },
    {
      title: t('certificate'),
      dataIndex: 'certificateKind',
      width: 160,
      render: (k: Row['certificateKind']) =>
        k ? <Tag color="green">{pick(CERTIFICATE_LABELS[k], language)}</Tag> : <Tag>{t('noCertificate')}</Tag>,
    },
    { title: t('certifiedOn'), dataIndex: 'certifiedOn', width: 110, render: (v: string | null) => v ?? '—' },
  ];

  return (
    <Card
      title={t('trainingsTitle')}
      extra={
        <Space wrap>
          {hasPermission(actor, 'assistance:write') && actor?.role !== 'cadre' && <ImportButton kind="trainings" />}
          {hasPermission(actor, 'assistance:export') && (
            <Button icon={<DownloadOutlined />} href={employmentExportUrl('trainings', list.filters)} download>
              {t('export')}
            </Button>
          )}
        </Space>
      }
    >
      <Typography.Paragraph type="secondary">{t('trainingsIntro')}</Typography.Paragraph>
      <Space wrap style={{ marginBottom: 16 }}>
        <RegistryOrgFilter
          value={list.filters.orgCode}
          onChange={(v) => list.setFilter('orgCode', v)}
          style={{ width: 200 }}
        />
        <Select
          allowClear
          placeholder={t('filterKind')}
          style={{ width: 170 }}
          value={list.filters.kind}
          onChange={(v) => list.setFilter('kind', v)}
          options={Object.entries(TRAINING_LABELS).map(([value, pair]) => ({ value, label: pick(pair, language) }))}
        />
        <Select
          allowClear
          placeholder={t('filterCertified')}
          style={{ width: 120 }}
          value={list.filters.certified}
          onChange={(v) => list.setFilter('certified', v)}
          options={[
            { value: 'yes', label: t('yes') },
            { value: 'no', label: t('no') },
          ]}
        />
        <Input.Search
          allowClear
          placeholder={t('searchTraining')}
          style={{ width: 200 }}
          defaultValue={list.filters.q}
          onSearch={(v) => list.setFilter('q', v.trim() || undefined)}
        />
      </Space>
      {list.query.isError ? (
        <QueryErrorResult error={list.query.error} onRetry={() => list.query.refetch()} />
      ) : (
        <Table<Row>
          rowKey="id"
          size="middle"
          columns={columns}
          {...list.tableProps}
          locale={{ emptyText: t('empty') }}
          scroll={{ x: 1200 }}
        />
      )}
    </Card>
  );
}
