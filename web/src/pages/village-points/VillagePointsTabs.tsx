import { Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { POINTS_CATEGORIES, zhOf } from '#common/domain/village-points/codes.ts';
import {
  fetchPointsAwards,
  fetchPointsRanking,
  fetchPointsRedemptions,
  fetchPointsRules,
  villagePointsKeys,
  type PointsAwardPage,
  type PointsRankingPage,
  type PointsRedemptionPage,
  type PointsRulePage,
} from '#web/api/village-points.ts';
import { HouseholdLink } from '#web/components/HouseholdLink.tsx';
import { LedgerList } from '#web/components/LedgerListCard.tsx';
import { usePagedList } from '#web/components/usePagedList.ts';
import { usePointsText } from './text.ts';
import { categoryOptions, signed, thisYear } from './villagePointsShared.ts';

/**
 * The page's 乡镇/村 and year (its own bar, shared by the tabs); each tab pages on its own: the first (ranking) with
 * `page`/`sort`, the others under their prefix (`awardsPage`, `redemptionsSort` …).
 */
const SHARED_FILTERS = ['orgCode', 'year'] as const;

const withYear = (f: Partial<Record<'orgCode' | 'year', string>>) => ({ year: String(thisYear), ...f });

export function RankingTab() {
  const t = usePointsText();
  const list = usePagedList({
    key: villagePointsKeys.ranking('list'),
    filterKeys: SHARED_FILTERS,
    fetch: (f, p) => fetchPointsRanking({ ...withYear(f), page: p.page, pageSize: p.pageSize }),
    unit: 'households',
  });
  const columns: TableColumnsType<PointsRankingPage['items'][number]> = [
    { title: t('village'), dataIndex: 'villageName', width: 90, fixed: 'left' },
    {
      title: t('rank'),
      dataIndex: 'rank',
      width: 70,
      render: (v: number) => (v <= 3 ? <Tag color="gold">{v}</Tag> : v),
    },
    {
      title: t('headName'),
      dataIndex: 'headName',
      width: 100,
      render: (v: string | null, r) => <HouseholdLink id={r.householdId}>{v ?? r.householdNo}</HouseholdLink>,
    },
    { title: t('householdNo'), dataIndex: 'householdNo', width: 160 },
    { title: t('earned'), dataIndex: 'earned', width: 90, align: 'right' },
    { title: t('balance'), dataIndex: 'balance', width: 90, align: 'right' },
  ];
  return (
    <LedgerList
      list={list}
      above={<Typography.Paragraph type="secondary">{t('rankingHint')}</Typography.Paragraph>}
      rowKey="householdId"
      testId="points-ranking"
      columns={columns}
      emptyText={t('empty')}
      scrollX={600}
    />
  );
}

export function AwardsTab() {
  const t = usePointsText();
  const list = usePagedList({
    key: villagePointsKeys.awards(),
    filterKeys: ['orgCode', 'year', 'category'] as const,
    fetch: (f, p) => fetchPointsAwards({ year: String(thisYear), ...f, ...p }),
    defaultSort: { sort: 'awardedOn', order: 'desc' },
    prefix: 'awards',
  });
  const columns: TableColumnsType<PointsAwardPage['items'][number]> = [
    {
      title: t('headName'),
      dataIndex: 'headName',
      width: 100,
      fixed: 'left',
      render: (v: string | null, r) => <HouseholdLink id={r.householdId}>{v ?? r.householdNo}</HouseholdLink>,
    },
    { title: t('village'), dataIndex: 'villageName', ...list.sortable('orgCode'), width: 90 },
    { title: t('rule'), dataIndex: 'ruleName', width: 180 },
    { title: t('category'), dataIndex: 'category', width: 90, render: (v: string) => zhOf(POINTS_CATEGORIES, v) },
    {
      title: t('awardedPoints'),
      dataIndex: 'points',
      ...list.sortable('points'),
      width: 80,
      align: 'right',
      render: (v: number) => <Typography.Text type={v < 0 ? 'danger' : undefined}>{signed(v)}</Typography.Text>,
    },
    { title: t('awardedOn'), dataIndex: 'awardedOn', ...list.sortable('awardedOn'), width: 110 },
    { title: t('reason'), dataIndex: 'reason', width: 180 },
    { title: t('awardedBy'), dataIndex: 'awardedBy', width: 120 },
  ];
  return (
    <LedgerList
      list={list}
      barStyle={{ marginBottom: 12 }}
      filters={[{ kind: 'select', key: 'category', placeholder: t('category'), width: 130, options: categoryOptions }]}
      rowKey="id"
      testId="points-awards"
      columns={columns}
      emptyText={t('empty')}
      scrollX={1000}
    />
  );
}

export function RedemptionsTab() {
  const t = usePointsText();
  const list = usePagedList({
    key: villagePointsKeys.redemptions('list'),
    filterKeys: SHARED_FILTERS,
    fetch: (f, p) => fetchPointsRedemptions({ ...withYear(f), ...p }),
    defaultSort: { sort: 'redeemedOn', order: 'desc' },
    prefix: 'redemptions',
  });
  const columns: TableColumnsType<PointsRedemptionPage['items'][number]> = [
    {
      title: t('headName'),
      dataIndex: 'headName',
      width: 100,
      fixed: 'left',
      render: (v: string | null, r) => <HouseholdLink id={r.householdId}>{v ?? r.householdNo}</HouseholdLink>,
    },
    { title: t('village'), dataIndex: 'villageName', ...list.sortable('orgCode'), width: 90 },
    { title: t('goods'), dataIndex: 'goods', width: 140 },
    { title: t('quantity'), dataIndex: 'quantity', width: 70, align: 'right' },
    { title: t('spent'), dataIndex: 'points', ...list.sortable('points'), width: 90, align: 'right' },
    { title: t('redeemedOn'), dataIndex: 'redeemedOn', ...list.sortable('redeemedOn'), width: 110 },
    { title: t('recordedBy'), dataIndex: 'recordedBy', width: 120 },
  ];
  return (
    <LedgerList
      list={list}
      rowKey="id"
      testId="points-redemptions"
      columns={columns}
      emptyText={t('empty')}
      scrollX={720}
    />
  );
}

export function RulesTab() {
  const t = usePointsText();
  // Items are not by year: only the 乡镇/村 applies.
  const list = usePagedList({
    key: villagePointsKeys.rules('list'),
    filterKeys: ['orgCode'] as const,
    fetch: (f, p) => fetchPointsRules({ ...f, ...p }),
    prefix: 'rules',
  });
  const columns: TableColumnsType<PointsRulePage['items'][number]> = [
    { title: t('rule'), dataIndex: 'name', width: 180, fixed: 'left' },
    { title: t('village'), dataIndex: 'villageName', ...list.sortable('orgCode'), width: 90 },
    {
      title: t('category'),
      dataIndex: 'category',
      ...list.sortable('category'),
      width: 90,
      render: (v: string) => zhOf(POINTS_CATEGORIES, v),
    },
    {
      title: t('points'),
      dataIndex: 'points',
      ...list.sortable('points'),
      width: 70,
      align: 'right',
      render: (v: number) => <Typography.Text type={v < 0 ? 'danger' : undefined}>{signed(v)}</Typography.Text>,
    },
    { title: t('deliberation'), dataIndex: 'deliberationSubject', width: 200 },
    { title: t('awards'), dataIndex: 'awards', width: 90, align: 'right' },
    {
      title: t('status'),
      dataIndex: 'active',
      width: 70,
      render: (v: boolean) => (v ? <Tag color="green">{t('active')}</Tag> : <Tag>{t('retired')}</Tag>),
    },
  ];
  return (
    <LedgerList list={list} rowKey="id" testId="points-rules" columns={columns} emptyText={t('empty')} scrollX={800} />
  );
}
