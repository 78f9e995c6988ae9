import { ArrowLeftOutlined, HeartOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Badge, Button, Card, Space, Tabs, Typography } from 'antd';
import { useState } from 'react';
import { useLocation, useNavigate, useParams } from 'react-router';
import { fetchHousehold } from '#web/api/registry.ts';
import { hasPermission, useActor } from '#web/auth/session.ts';
import { PageLoading } from '#web/components/PageLoading.tsx';
import { QueryErrorResult } from '#web/components/QueryErrorResult.tsx';
import { EmploymentHouseholdSection } from '../employment/HouseholdSection.tsx';
import { PostsHouseholdSection } from '../posts/HouseholdSection.tsx';
import { InsuranceHouseholdSection } from '../insurance/HouseholdSection.tsx';
import { MicroloansHouseholdSection } from '../microloans/HouseholdSection.tsx';
import { SocialAssistanceHouseholdSection } from '../social-assistance/HouseholdSection.tsx';
import { RelocationHouseholdSection } from '../relocation/HouseholdSection.tsx';
import { ConsumerHouseholdSection } from '../village-economy/HouseholdSection.tsx';
import { PetitionsHouseholdSection } from '../petitions/HouseholdSection.tsx';
import { EditFactsModal } from './EditFactsModal.tsx';
import { EditMembersModal } from './EditMembersModal.tsx';
import { HouseholdHeader, type HouseholdAction } from './HouseholdHeader.tsx';
import { IncomeTab } from './IncomeTab.tsx';
import { MembersTab } from './MembersTab.tsx';
import { QualityTab } from './QualityTab.tsx';
import { SplitModal } from './SplitModal.tsx';
import { useRegistryText } from './text.ts';
import { TimelineTab } from './TimelineTab.tsx';
import { keys } from '#web/api/queryKeys.ts';

export default function HouseholdPage() {
  const { t } = useRegistryText();
  const navigate = useNavigate();
  const location = useLocation();
  const { id } = useParams();
  const householdId = Number(id);
  const { data: actor } = useActor();
  const canWrite = hasPermission(actor, 'registry:write');
  const [action, setAction] = useState<HouseholdAction | null>(null);
  const [tab, setTab] = useState('members');
  const query = useQuery({
    queryKey: keys.registry.household(householdId),
    queryFn: () => fetchHousehold(householdId),
    enabled: Number.isInteger(householdId) && householdId > 0,
  });

  // Back to the same filtered list when we came from it; a bookmarked page goes to the search.
  const back = (
    <Button
      type="link"
      icon={<ArrowLeftOutlined />}
      onClick={() => (location.key !== 'default' ? navigate(-1) : navigate('/registry'))}
    >
      {t('back')}
    </Button>
  );
  if (query.isError)
    return (
      <Card extra={back}>
        <QueryErrorResult error={query.error} onRetry={() => query.refetch()} />
      </Card>
    );
  if (!query.data) return <PageLoading />;
  const household = query.data;
  const errors = household.quality.filter((finding) => finding.severity === 'error').length;

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Card
        title={
          <Space size={12} wrap>
            <Typography.Text strong style={{ fontSize: 16 }} data-testid="household-title">
              {household.headName ?? '—'}
              {t('householdSuffix')}
            </Typography.Text>
            <Typography.Text type="secondary" style={{ fontFamily: 'monospace' }}>
              {t('householdNo')} {household.householdNo}
            </Typography.Text>
          </Space>
        }
        extra={
          <Space size={4}>
            {hasPermission(actor, 'assistance:read') && (
              <Button
                type="link"
                icon={<HeartOutlined />}
                onClick={() => navigate(`/assistance/households/${household.id}`)}
                data-testid="household-assistance-link"
              >
                {t('assistanceLink')}
              </Button>
            )}
            {back}
          </Space>
        }
      >
        <HouseholdHeader household={household} canWrite={canWrite} onAction={setAction} />
      </Card>
      <Card>
        <Tabs
          activeKey={tab}
          onChange={setTab}
          items={[
            {
              key: 'members',
              label: `${t('members')}（${household.members.length}）`,
              children: (
                <MembersTab
                  household={household}
                  canWrite={canWrite}
                  canReveal={hasPermission(actor, 'registry:revealId')}
                />
              ),
            },
            { key: 'income', label: t('income'), children: <IncomeTab household={household} canWrite={canWrite} /> },
            {
              key: 'quality',
              label: (
                <Badge
                  count={household.quality.length}
                  size="small"
                  color={errors > 0 ? 'red' : 'orange'}
                  offset={[10, -2]}
                >
                  {t('quality')}
                </Badge>
              ),
              children: <QualityTab household={household} />,
            },
            {
              key: 'timeline',
              label: t('timeline'),
              children: <TimelineTab householdId={household.id} />,
              destroyOnHidden: true,
            },
          ]}
        />
      </Card>
      <EmploymentHouseholdSection householdId={household.id} />
      <PostsHouseholdSection householdId={household.id} villageCode={household.villageCode} />
      <InsuranceHouseholdSection householdId={household.id} />
      <MicroloansHouseholdSection householdId={household.id} />
      <SocialAssistanceHouseholdSection householdId={household.id} />
      <RelocationHouseholdSection householdId={household.id} />
      <ConsumerHouseholdSection householdId={household.id} />
      <PetitionsHouseholdSection householdId={household.id} />
      {action === 'facts' && <EditFactsModal household={household} onClosed={() => setAction(null)} />}
      {action === 'members' && <EditMembersModal household={household} onClosed={() => setAction(null)} />}
      {action === 'split' && <SplitModal household={household} onClosed={() => setAction(null)} />}
    </Space>
  );
}
