import { Space, Tag, Tooltip, Typography } from 'antd';
import { ORG_LEVEL_LABELS, type OrgLevel } from '#common/domain/roles.ts';
import { isClosed, type OrgUnit } from '#web/api/org.ts';
import { useI18n } from '#web/i18n/useI18n.ts';
import { SuccessorName } from './SuccessorName.tsx';

export const LEVEL_COLORS: Record<OrgLevel, string> = {
  county: 'purple',
  township: 'blue',
  village: 'green',
  group: 'default',
};

/** One tree row: name, 12-digit code, level, and for a merged unit where it went. */
export function OrgUnitTitle({ unit, knownName }: { unit: OrgUnit; knownName: (code: string) => string | undefined }) {
  const { t, label } = useI18n();
  const closed = isClosed(unit);
  // The kind (镇, 乡, 行政村, 社区…) is the word local staff use; the level label backs it up in the tooltip.
  return (
    <Space size={8} data-org-code={unit.code} data-closed={closed || undefined}>
      <span style={{ opacity: closed ? 0.55 : 1 }}>
        <Typography.Text type={closed ? 'secondary' : undefined} strong={!closed}>
          {unit.name}
        </Typography.Text>
        <Typography.Text type="secondary" style={{ fontFamily: 'monospace', fontSize: 12, marginInlineStart: 8 }}>
          {unit.code}
        </Typography.Text>
      </span>
      <Tooltip title={label(ORG_LEVEL_LABELS[unit.level])}>
        <Tag color={closed ? 'default' : LEVEL_COLORS[unit.level]} style={{ marginInlineEnd: 0 }}>
          {unit.kind || label(ORG_LEVEL_LABELS[unit.level])}
        </Tag>
      </Tooltip>
      {closed && (
        <Tag color="orange" data-testid="org-closed-tag" style={{ marginInlineEnd: 0 }}>
          {unit.successorCode ? (
            <>
              {t('org.closedInto')}{' '}
              <SuccessorName code={unit.successorCode} knownName={knownName(unit.successorCode)} />
            </>
          ) : (
            t('org.closed')
          )}
        </Tag>
      )}
    </Space>
  );
}
