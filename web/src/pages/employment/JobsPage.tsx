import { DownloadOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Button, Card, Checkbox, Col, Row, Space, Statistic, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import {
  employmentExportUrl,
  employmentKeys,
  fetchEmploymentFigures,
  fetchJobs,
  type EmploymentPage,
} from '#web/api/employment.ts';
import { hasPermission, useActor } from '#web/auth/session.ts';
import { HouseholdLink } from '#web/components/HouseholdLink.tsx';
import { LedgerList, LedgerListCard } from '#web/components/LedgerListCard.tsx';
import { QueryErrorResult } from '#web/components/QueryErrorResult.tsx';
import { usePagedList } from '#web/components/usePagedList.ts';
import { useI18n } from '#web/i18n/useI18n.ts';
import { yuan } from '../projects/text.ts';
import { FOLLOW_UP_LABELS, PLACE_LABELS, percent, pick, useEmploymentText } from './text.ts';
import { ImportButton } from './ImportButton.tsx';

type Row = EmploymentPage['items'][number];
const FILTER_KEYS = ['orgCode', 'placeKind', 'current', 'q'] as const;

/** 务工就业台账 with the month's figures (就业率, 持证率, 外出务工人数) of the same scope. */
export default function JobsPage() {
  const t = useEmploymentText();
  const { language } = useI18n();
  const { data: actor } = useActor();
  const list = usePagedList({
    key: employmentKeys.jobs(),
    filterKeys: FILTER_KEYS,
    fetch: (f, p) => fetchJobs({ ...f, ...p }),
    defaultSort: { sort: 'startOn', order: 'desc' },
  });
  const figures = useQuery({
    queryKey: employmentKeys.figures({ orgCode: list.filters.orgCode }),
    queryFn: () => fetchEmploymentFigures({ orgCode: list.filters.orgCode }),
  });
  const f = figures.data;

  const columns: TableColumnsType<Row> = [
    {
      title: t('name'),
      dataIndex: 'personName',
      ...list.sortable('personName'),
      width: 90,
      fixed: 'left',
    },
    {
      title: t('householdNo'),
      dataIndex: 'householdNo',
      width: 170,
      render: (no: string | null, r) => (no ? <HouseholdLink id={r.householdId}>{no}</HouseholdLink> : '—'),
    },
    { title: t('village'), dataIndex: 'villageName', ...list.sortable('village'), width: 100 },
    {
      title: t('placeKind'),
      dataIndex: 'placeKind',
      ...list.sortable('placeKind'),
      width: 100,
      render: (k: Row['placeKind']) => pick(PLACE_LABELS[k], language),
    },
    { title: t('place'), dataIndex: 'place', width: 150 },
    { title: t('employer'), dataIndex: 'employer', width: 150, render: (v: string | null) => v ?? '—' },
    { title: t('startOn'), dataIndex: 'startOn', ...list.sortable('startOn'), width: 110 },
    { title: t('endOn'), dataIndex: 'endOn', width: 110, render: (v: string | null) => v ?? '—' },
    {
      title: t('income'),
      dataIndex: 'monthlyIncomeFen',
      ...list.sortable('monthlyIncomeFen'),
      width: 120,
      align: 'right',
      render: (v: number) => yuan(v),
    },
    {
      title: t('followUp'),
      key: 'followUp',
      width: 150,
      render: (_, r) =>
        r.lastFollowUpStatus ? (
          <span>
            <Tag color={r.lastFollowUpStatus === 'left' ? 'red' : 'green'}>
              {pick(FOLLOW_UP_LABELS[r.lastFollowUpStatus], language)}
            </Tag>
            {r.lastFollowUpOn}
          </span>
        ) : (
          <Typography.Text type="secondary">{t('noFollowUp')}</Typography.Text>
        ),
    },
  ];

  const stat = (title: string, value: number | string | null) => (
    <Col xs={12} sm={8} md={4}>
      <Statistic title={title} value={value ?? t('noData')} />
    </Col>
  );

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Card title={`${t('figuresTitle')}${f ? `（${f.period}）` : ''}`} data-testid="employment-figures">
        {figures.isError ? (
          <QueryErrorResult error={figures.error} onRetry={() => figures.refetch()} />
        ) : (
          <Row gutter={[16, 16]}>
            {stat(t('labourers'), f?.labourers ?? null)}
            {stat(t('employed'), f?.employed ?? null)}
            {stat(t('employmentRate'), f ? percent(f.employmentRate.rate) : null)}
            {stat(t('certificateRate'), f ? percent(f.certificateRate.rate) : null)}
            {stat(t('workingAway'), f?.workingAway ?? null)}
          </Row>
        )}
      </Card>
      <LedgerListCard
        title={t('jobsTitle')}
        extra={
          <Space wrap>
            {hasPermission(actor, 'assistance:write') && actor?.role !== 'cadre' && <ImportButton kind="jobs" />}
            {hasPermission(actor, 'assistance:export') && (
              <Button icon={<DownloadOutlined />} href={employmentExportUrl('jobs', list.filters)} download>
                {t('export')}
              </Button>
            )}
          </Space>
        }
        intro={t('jobsIntro')}
      >
        <LedgerList
          list={list}
          filters={[
            { kind: 'org' },
            {
              kind: 'select',
              key: 'placeKind',
              placeholder: t('filterPlace'),
              width: 140,
              options: Object.entries(PLACE_LABELS).map(([value, pair]) => ({ value, label: pick(pair, language) })),
            },
            {
              kind: 'node',
              node: (
                <Checkbox
                  checked={list.filters.current === '1'}
                  onChange={(e) => list.setFilter('current', e.target.checked ? '1' : undefined)}
                >
                  {t('filterCurrent')}
                </Checkbox>
              ),
            },
            { kind: 'search', key: 'q', placeholder: t('search'), width: 200 },
          ]}
          rowKey="id"
          columns={columns}
          emptyText={t('empty')}
          scrollX={1200}
        />
      </LedgerListCard>
    </Space>
  );
}
