import { useQuery } from '@tanstack/react-query';
import { Tag, Tooltip } from 'antd';
import { fetchResolvedParams, periodOfDate } from '#web/api/params.ts';
import { hasPermission, useActor } from '#web/auth/session.ts';
import { fill } from './text.ts';
import { useCluesText } from './cluesText.ts';
import { keys } from '#web/api/queryKeys.ts';

/** Days before the limit when a clue turns orange. */
const WARN_BEFORE_DAYS = 5;

/** The identification limit in force this month (workflow.identificationDays), if readable. */
export function useIdentificationDays(): number | undefined {
  const { data: actor } = useActor();
  const period = periodOfDate();
  const query = useQuery({
    queryKey: keys.params.resolved(period),
    queryFn: () => fetchResolvedParams(period),
    enabled: hasPermission(actor, 'params:read'),
    staleTime: 10 * 60_000,
  });
  const value = query.data?.['workflow.identificationDays']?.value;
  return typeof value === 'number' ? value : undefined;
}

export type AgeLevel = 'overdue' | 'soon' | 'fine' | 'unknown';

export function ageLevel(days: number, limit: number | undefined): AgeLevel {
  if (limit === undefined) return 'unknown';
  if (days >= limit) return 'overdue';
  if (days >= Math.max(0, limit - WARN_BEFORE_DAYS)) return 'soon';
  return 'fine';
}

const COLOURS: Record<AgeLevel, string | undefined> = {
  overdue: 'red',
  soon: 'orange',
  fine: undefined,
  unknown: undefined,
};

/** 已持续天数, orange when the limit is near and red once it is reached. */
export function ClueAgeTag({ days, limit, closed }: { days: number; limit: number | undefined; closed?: boolean }) {
  const tx = useCluesText();
  const level = closed ? 'unknown' : ageLevel(days, limit);
  const tip =
    limit === undefined
      ? undefined
      : level === 'overdue'
        ? fill(tx('ageOverdue'), { limit })
        : level === 'soon'
          ? fill(tx('ageSoon'), { limit, left: limit - days })
          : fill(tx('ageFine'), { limit });
  return (
    <Tooltip title={closed ? undefined : tip}>
      <Tag color={COLOURS[level]} data-age-level={level} style={{ fontWeight: level === 'overdue' ? 600 : undefined }}>
        {fill(tx('ageDays'), { n: days })}
      </Tag>
    </Tooltip>
  );
}
