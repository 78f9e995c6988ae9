import { EditOutlined, ForkOutlined, TeamOutlined } from '@ant-design/icons';
import { Button, Descriptions, Flex, Space, Tag, Typography } from 'antd';
import {
  ALLEVIATED_ATTRIBUTES,
  ELIMINATION_MODES,
  HOUSEHOLD_KINDS,
  HOUSING_GRADES,
  RISK_TYPES,
} from '#common/domain/registry/codes.ts';
import type { HouseholdDetail } from '#web/api/registry.ts';
import { codeLabel, codeLabels, FIELD_LABELS, yuan } from './labels.ts';
import { MonitoringTag } from './MonitoringTag.tsx';
import { useRegistryText } from './text.ts';

export type HouseholdAction = 'facts' | 'members' | 'split';

interface Props {
  household: HouseholdDetail;
  canWrite: boolean;
  onAction: (action: HouseholdAction) => void;
}

/** Key facts at a glance: who, where, what kind, monitored or not, and the latest per-capita income. */
export function HouseholdHeader({ household: h, canWrite, onAction }: Props) {
  const { t, label } = useRegistryText();
  const flag = (value: boolean | null) => (value === null ? t('notRecorded') : value ? t('yes') : t('no'));
  const latest = h.incomes[0];
  const name = (key: string) => label(FIELD_LABELS[key]);

  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      <Flex justify="space-between" align="start" wrap gap={12}>
        <Space wrap size={[6, 6]} data-testid="household-tags">
          <Tag color={h.kind === 'alleviated' ? 'blue' : 'default'}>{codeLabel(HOUSEHOLD_KINDS, h.kind)}</Tag>
          {h.alleviatedAttribute && <Tag>{codeLabel(ALLEVIATED_ATTRIBUTES, h.alleviatedAttribute)}</Tag>}
          <MonitoringTag status={h.monitoringStatus} type={h.monitoringType} />
          {h.wholeHouseholdNoLabour && <Tag color="red">{t('wholeNoLabour')}</Tag>}
        </Space>
        {canWrite && (
          <Space wrap>
            <Button icon={<EditOutlined />} onClick={() => onAction('facts')}>
              {t('editFacts')}
            </Button>
            <Button icon={<TeamOutlined />} onClick={() => onAction('members')}>
              {t('editMembers')}
            </Button>
            <Button icon={<ForkOutlined />} onClick={() => onAction('split')}>
              {t('split')}
            </Button>
          </Space>
        )}
      </Flex>
      <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 3 }} bordered>
        <Descriptions.Item label={t('head')}>{h.headName ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={t('headId')}>
          <span style={{ fontFamily: 'monospace' }} data-testid="header-head-id">
            {h.headIdMasked ?? '—'}
          </span>
        </Descriptions.Item>
        <Descriptions.Item label={t('location')}>
          {h.townshipName} · {h.villageName}
        </Descriptions.Item>
        <Descriptions.Item label={t('size')}>{h.members.length}</Descriptions.Item>
        <Descriptions.Item label={t('phone')}>
          <span style={{ fontFamily: 'monospace' }}>{h.phoneMasked ?? '—'}</span>
        </Descriptions.Item>
        <Descriptions.Item label={name('address')}>{h.address ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={name('identificationPeriod')}>{h.identificationPeriod ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={name('riskTypes')}>{codeLabels(RISK_TYPES, h.riskTypes)}</Descriptions.Item>
        <Descriptions.Item label={name('elimination')}>
          {h.eliminationPeriod ? `${h.eliminationPeriod} · ${codeLabel(ELIMINATION_MODES, h.eliminationMode)}` : '—'}
        </Descriptions.Item>
        <Descriptions.Item label={name('housingGrade')}>{codeLabel(HOUSING_GRADES, h.housingGrade)}</Descriptions.Item>
        <Descriptions.Item label={name('waterSafe')}>{flag(h.waterSafe)}</Descriptions.Item>
        <Descriptions.Item label={name('housingUnsafe')}>{flag(h.housingUnsafe)}</Descriptions.Item>
        <Descriptions.Item label={name('schoolDropout')}>{flag(h.schoolDropout)}</Descriptions.Item>
        <Descriptions.Item label={name('medicalUninsured')}>{flag(h.medicalUninsured)}</Descriptions.Item>
        <Descriptions.Item label={latest ? `${latest.year} ${t('perCapita')}` : t('perCapita')}>
          {latest ? (
            <Typography.Text strong>
              {yuan(latest.perCapitaNetIncome)} {t('yuan')}
            </Typography.Text>
          ) : (
            t('notRecorded')
          )}
        </Descriptions.Item>
      </Descriptions>
    </Space>
  );
}
