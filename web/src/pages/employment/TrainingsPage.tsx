import { DownloadOutlined } from '@ant-design/icons';
import { Button, Space, Tag } from 'antd';
import type { TableColumnsType } from 'antd';
import { employmentExportUrl, employmentKeys, fetchTrainings, type TrainingPage } from '#web/api/employment.ts';
import { hasPermission, useActor } from '#web/auth/session.ts';
import { HouseholdLink } from '#web/components/HouseholdLink.tsx';
import { LedgerList, LedgerListCard } from '#web/components/LedgerListCard.tsx';
import { usePagedList } from '#web/components/usePagedList.ts';
import { useI18n } from '#web/i18n/useI18n.ts';
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
    <LedgerListCard
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
      intro={t('trainingsIntro')}
    >
      <LedgerList
        list={list}
        filters={[
          { kind: 'org' },
          {
            kind: 'select',
            key: 'kind',
            placeholder: t('filterKind'),
            width: 170,
            options: Object.entries(TRAINING_LABELS).map(([value, pair]) => ({ value, label: pick(pair, language) })),
          },
          {
            kind: 'select',
            key: 'certified',
            placeholder: t('filterCertified'),
            width: 120,
            options: [
              { value: 'yes', label: t('yes') },
              { value: 'no', label: t('no') },
            ],
          },
          { kind: 'search', key: 'q', placeholder: t('searchTraining'), width: 200 },
        ]}
        rowKey="id"
        columns={columns}
        emptyText={t('empty')}
        scrollX={1200}
      />
    </LedgerListCard>
  );
}
