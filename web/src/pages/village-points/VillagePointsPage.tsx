import { DownloadOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, DatePicker, Form, Input, InputNumber, Select, Space, Tabs, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { levelOfCode } from '../../../../common/domain/org-code.ts';
import { POINTS_CATEGORIES, zhOf, type PointsCategory } from '../../../../common/domain/village-points/codes.ts';
import { fetchDeliberations } from '../../api/projects.ts';
import {
  awardPoints,
  createPointsRule,
  fetchPointsAwards,
  fetchPointsBalance,
  fetchPointsRanking,
  fetchPointsRedemptions,
  fetchPointsRules,
  pointsExportUrl,
  redeemPoints,
  villagePointsKeys,
  type PointsAwardPage,
  type PointsBalance,
  type PointsRankingPage,
  type PointsRedemptionPage,
  type PointsRulePage,
} from '../../api/village-points.ts';
import { hasPermission, useActor } from '../../auth/session.ts';
import { chinaToday } from '../../components/chinaDay.ts';
import { HouseholdLink } from '../../components/HouseholdLink.tsx';
import { LedgerList, LedgerListCard } from '../../components/LedgerListCard.tsx';
import { resetPages, usePagedList } from '../../components/usePagedList.ts';
import { HouseholdPicker } from '../monitoring/HouseholdPicker.tsx';
import { FormModal } from '../projects/FormModal.tsx';
import { RegistryOrgFilter } from '../registry/RegistryOrgFilter.tsx';
import { usePointsText } from './text.ts';
import { keys } from '../../api/queryKeys.ts';

const thisYear = Number(chinaToday().format('YYYY'));
const yearOptions = Array.from({ length: 6 }, (_, i) => ({ value: String(thisYear - i), label: String(thisYear - i) }));
const categoryOptions = POINTS_CATEGORIES.map((c) => ({ value: c.code, label: c.zh }));
const day = (d: Dayjs) => d.format('YYYY-MM-DD');
const signed = (n: number) => (n > 0 ? `+${n}` : String(n));

function useFilters() {
  const [params, setParams] = useSearchParams();
  const orgCode = params.get('orgCode') ?? undefined;
  const year = params.get('year') ?? String(thisYear);
  const set = (k: string, v: string | undefined) =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        if (v) next.set(k, v);
        else next.delete(k);
        resetPages(next);
        return next;
      },
      { replace: true },
    );
  return { orgCode, year, set };
}

/** 积分制: the village ranking, awards, redemptions and items, with 记分, 兑换 and new items. */
export default function VillagePointsPage() {
  const t = usePointsText();
  const { data: actor } = useActor();
  const canWrite = hasPermission(actor, 'programmes:write') && actor?.role !== 'auditor';
  const f = useFilters();
  const [modal, setModal] = useState<null | 'rule' | 'award' | 'redeem'>(null);
  const village =
    f.orgCode && levelOfCode(f.orgCode) === 'village'
      ? f.orgCode
      : actor && levelOfCode(actor.orgCode) === 'village'
        ? actor.orgCode
        : undefined;
  return (
    <LedgerListCard
      title={t('title')}
      testId="village-points-page"
      extra={
        canWrite && (
          <Space wrap>
            <Button type="primary" onClick={() => setModal('award')}>
              {t('newAward')}
            </Button>
            <Button onClick={() => setModal('redeem')}>{t('newRedemption')}</Button>
            <Button onClick={() => setModal('rule')}>{t('newRule')}</Button>
          </Space>
        )
      }
      intro={t('intro')}
    >
      <Space wrap style={{ marginBottom: 12, display: 'flex' }}>
        <RegistryOrgFilter value={f.orgCode} onChange={(v) => f.set('orgCode', v)} style={{ width: 200 }} />
        <Select style={{ width: 110 }} value={f.year} onChange={(v) => f.set('year', v)} options={yearOptions} />
        <Button icon={<DownloadOutlined />} href={pointsExportUrl({ orgCode: f.orgCode, year: f.year })} download>
          {t('export')}
        </Button>
      </Space>
      <Tabs
        destroyOnHidden
        items={[
          { key: 'ranking', label: t('tabRanking'), children: <RankingTab /> },
          { key: 'awards', label: t('tabAwards'), children: <AwardsTab /> },
          {
            key: 'redemptions',
            label: t('tabRedemptions'),
            children: <RedemptionsTab />,
          },
          { key: 'rules', label: t('tabRules'), children: <RulesTab /> },
        ]}
      />
      {modal === 'rule' && <RuleModal village={village} onClose={() => setModal(null)} />}
      {modal === 'award' && <AwardModal onClose={() => setModal(null)} />}
      {modal === 'redeem' && <RedeemModal onClose={() => setModal(null)} />}
    </LedgerListCard>
  );
}

/**
 * The page's 乡镇/村 and year (its own bar, shared by the tabs); each tab pages on its own: the first (ranking) with
 * `page`/`sort`, the others under their prefix (`awardsPage`, `redemptionsSort` …).
 */
const SHARED_FILTERS = ['orgCode', 'year'] as const;
const withYear = (f: Partial<Record<'orgCode' | 'year', string>>) => ({ year: String(thisYear), ...f });

function RankingTab() {
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

function AwardsTab() {
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

function RedemptionsTab() {
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

function RulesTab() {
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

function useDone() {
  const t = usePointsText();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  return async () => {
    message.success(t('saved'));
    await queryClient.invalidateQueries({ queryKey: villagePointsKeys.all });
  };
}

function RuleModal({ village, onClose }: { village?: string; onClose: () => void }) {
  const t = usePointsText();
  const done = useDone();
  type V = {
    orgCode: string;
    deliberationId: number;
    name: string;
    category: PointsCategory;
    points: number;
    note?: string;
  };
  const [form] = Form.useForm<V>();
  const chosen = Form.useWatch('orgCode', form) ?? village;
  const deliberations = useQuery({
    queryKey: [...keys.projects.decidedDeliberations, chosen],
    queryFn: () => fetchDeliberations({ villageCode: chosen, decided: true }),
    enabled: !!chosen && levelOfCode(chosen) === 'village',
  });
  const required = { required: true, message: t('required') };
  return (
    <FormModal<V, unknown>
      open
      onClose={onClose}
      title={t('newRule')}
      form={form}
      initialValues={{ orgCode: village, category: 'environment' }}
      send={(v) => createPointsRule({ ...v, note: v.note || null })}
      onDone={done}
    >
      <Form.Item name="orgCode" label={t('village')} rules={[required]}>
        <RegistryOrgFilter />
      </Form.Item>
      <Form.Item name="deliberationId" label={t('deliberation')} rules={[required]} extra={t('deliberationHint')}>
        <Select
          loading={deliberations.isFetching}
          options={(deliberations.data ?? []).map((d) => ({ value: d.id, label: d.subject }))}
        />
      </Form.Item>
      <Form.Item name="name" label={t('rule')} rules={[required]}>
        <Input maxLength={100} />
      </Form.Item>
      <Space wrap>
        <Form.Item name="category" label={t('category')} rules={[required]}>
          <Select options={categoryOptions} style={{ width: 130 }} />
        </Form.Item>
        <Form.Item name="points" label={t('points')} rules={[required]}>
          <InputNumber precision={0} />
        </Form.Item>
      </Space>
      <Form.Item name="note" label={t('note')}>
        <Input maxLength={200} />
      </Form.Item>
    </FormModal>
  );
}

function AwardModal({ onClose }: { onClose: () => void }) {
  const t = usePointsText();
  const done = useDone();
  type V = { householdId: number; ruleId: number; awardedOn: Dayjs; reason: string };
  const [form] = Form.useForm<V>();
  const [villageCode, setVillageCode] = useState<string | undefined>();
  const rules = useQuery({
    queryKey: villagePointsKeys.rules({ orgCode: villageCode, page: 1, pageSize: 200 }),
    queryFn: () => fetchPointsRules({ orgCode: villageCode, page: 1, pageSize: 200 }),
    enabled: !!villageCode,
  });
  const required = { required: true, message: t('required') };
  return (
    <FormModal<V, PointsBalance>
      open
      onClose={onClose}
      title={t('newAward')}
      form={form}
      initialValues={{ awardedOn: chinaToday() }}
      send={(v) => awardPoints({ ...v, awardedOn: day(v.awardedOn) })}
      onDone={done}
    >
      <Form.Item name="householdId" label={t('household')} rules={[required]}>
        <HouseholdPicker onChange={(_, h) => setVillageCode(h?.villageCode)} />
      </Form.Item>
      <Form.Item name="ruleId" label={t('rule')} rules={[required]}>
        <Select
          loading={rules.isFetching}
          options={(rules.data?.items ?? [])
            .filter((r) => r.active)
            .map((r) => ({ value: r.id, label: `${r.name}（${signed(r.points)}）` }))}
        />
      </Form.Item>
      <Form.Item name="awardedOn" label={t('awardedOn')} rules={[required]}>
        <DatePicker />
      </Form.Item>
      <Form.Item name="reason" label={t('reason')} rules={[required]}>
        <Input maxLength={200} />
      </Form.Item>
    </FormModal>
  );
}

function RedeemModal({ onClose }: { onClose: () => void }) {
  const t = usePointsText();
  const done = useDone();
  type V = { householdId: number; goods: string; quantity: number; points: number; redeemedOn: Dayjs; note?: string };
  const [form] = Form.useForm<V>();
  const householdId = Form.useWatch('householdId', form);
  const balance = useQuery({
    queryKey: villagePointsKeys.balance(householdId ?? 0),
    queryFn: () => fetchPointsBalance(householdId!),
    enabled: !!householdId,
  });
  const required = { required: true, message: t('required') };
  return (
    <FormModal<V, PointsBalance>
      open
      onClose={onClose}
      title={t('newRedemption')}
      form={form}
      initialValues={{ redeemedOn: chinaToday(), quantity: 1 }}
      send={(v) => redeemPoints({ ...v, redeemedOn: day(v.redeemedOn), note: v.note || null })}
      onDone={done}
    >
      <Form.Item
        name="householdId"
        label={t('household')}
        rules={[required]}
        extra={balance.data ? t('balanceNow', { n: balance.data.balance }) : undefined}
      >
        <HouseholdPicker />
      </Form.Item>
      <Form.Item name="goods" label={t('goods')} rules={[required]}>
        <Input maxLength={100} />
      </Form.Item>
      <Space wrap>
        <Form.Item name="quantity" label={t('quantity')} rules={[required]}>
          <InputNumber min={1} precision={0} />
        </Form.Item>
        <Form.Item name="points" label={t('spent')} rules={[required]}>
          <InputNumber min={1} precision={0} />
        </Form.Item>
        <Form.Item name="redeemedOn" label={t('redeemedOn')} rules={[required]}>
          <DatePicker />
        </Form.Item>
      </Space>
    </FormModal>
  );
}
