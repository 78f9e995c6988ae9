import { useQuery } from '@tanstack/react-query';
import { Card, Descriptions, Empty, Tag, Typography, type DescriptionsProps } from 'antd';
import { ORG_LEVEL_LABELS } from '#common/domain/roles.ts';
import { fetchOrgUnit, isClosed, type OrgUnit } from '#web/api/org.ts';
import { QueryErrorResult } from '#web/components/QueryErrorResult.tsx';
import { useI18n } from '#web/i18n/useI18n.ts';
import { LEVEL_COLORS } from './OrgUnitTitle.tsx';
import { SuccessorName } from './SuccessorName.tsx';
import { keys } from '#web/api/queryKeys.ts';

interface Props {
  code: string | null;
  known?: OrgUnit;
  knownName: (code: string) => string | undefined;
}

export function OrgUnitDetail({ code, known, knownName }: Props) {
  const { t, label } = useI18n();
  const unitQuery = useQuery({
    queryKey: keys.org.unit(code ?? ''),
    queryFn: () => fetchOrgUnit(code!),
    enabled: code !== null,
    placeholderData: known,
  });

  if (code === null) {
    return (
      <Card title={t('org.detail')}>
        <Empty description={t('org.selectHint')} />
      </Card>
    );
  }
  if (unitQuery.isError && !unitQuery.data) {
    return (
      <Card title={t('org.detail')}>
        <QueryErrorResult error={unitQuery.error} onRetry={() => unitQuery.refetch()} />
      </Card>
    );
  }
  const unit = unitQuery.data;
  if (!unit) return <Card title={t('org.detail')} loading />;

  const closed = isClosed(unit);
  const items: DescriptionsProps['items'] = [
    { key: 'name', label: t('org.name'), children: unit.name },
    { key: 'code', label: t('org.code'), children: <Typography.Text copyable>{unit.code}</Typography.Text> },
    {
      key: 'level',
      label: t('org.level'),
      children: <Tag color={LEVEL_COLORS[unit.level]}>{label(ORG_LEVEL_LABELS[unit.level])}</Tag>,
    },
    { key: 'kind', label: t('org.kind'), children: unit.kind },
    {
      key: 'parent',
      label: t('org.parent'),
      children: unit.parentCode ? `${knownName(unit.parentCode) ?? ''} ${unit.parentCode}`.trim() : '—',
    },
    {
      key: 'status',
      label: t('org.status'),
      children: closed ? <Tag color="orange">{t('org.closed')}</Tag> : <Tag color="green">{t('org.statusOpen')}</Tag>,
    },
    { key: 'validFrom', label: t('org.validFrom'), children: unit.validFrom },
    ...(closed
      ? [
          { key: 'validTo', label: t('org.validTo'), children: unit.validTo },
          {
            key: 'successor',
            label: t('org.successor'),
            children: unit.successorCode ? (
              <>
                <SuccessorName code={unit.successorCode} knownName={knownName(unit.successorCode)} />{' '}
                {unit.successorCode}
              </>
            ) : (
              '—'
            ),
          },
        ]
      : []),
    { key: 'childCount', label: t('org.childCount'), children: unit.childCount },
    ...(unit.synthetic ? [{ key: 'synthetic', label: t('org.synthetic'), children: t('org.syntheticYes') }] : []),
    ...(unit.note
      ? [{ key: 'note', label: t('org.note'), children: <span data-testid="org-note">{unit.note}</span> }]
      : []),
  ];

  return (
    <Card title={`${t('org.detail')} · ${unit.name}`} data-testid="org-detail">
      <Descriptions column={1} size="small" bordered items={items} />
    </Card>
  );
}
