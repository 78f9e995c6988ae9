import { DownloadOutlined } from '@ant-design/icons';
import { Button, Select, Space, Tabs } from 'antd';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { levelOfCode } from '#common/domain/org-code.ts';
import { pointsExportUrl } from '#web/api/village-points.ts';
import { hasPermission, useActor } from '#web/auth/session.ts';
import { LedgerListCard } from '#web/components/LedgerListCard.tsx';
import { resetPages } from '#web/components/usePagedList.ts';
import { RegistryOrgFilter } from '../registry/RegistryOrgFilter.tsx';
import { usePointsText } from './text.ts';
import { AwardModal, RedeemModal, RuleModal } from './VillagePointsModals.tsx';
import { AwardsTab, RankingTab, RedemptionsTab, RulesTab } from './VillagePointsTabs.tsx';
import { thisYear, yearOptions } from './villagePointsShared.ts';

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
