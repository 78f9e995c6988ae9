import { monitoringTypeKindError } from '#common/domain/cases/monitoring-type.ts';
import { STAGE_DATE_LABELS, stageDateErrors, type StageDateBounds } from '#common/domain/cases/stage-dates.ts';
import { AppError } from '#server/lib/app-error.ts';
import type { CaseRecord } from './cases.repository.ts';

// Field checks of a case's stage records that read the case itself: the type the household's kind
// allows (§1.2) and the village dates inside the case (§1.6). Pure rules in common/domain/cases.

/** Refuses a monitoring type the household's 户类型 does not allow, naming the field. */
export function requireTypeFitsKind(kind: string, type: string, field = 'monitoringType'): void {
  const error = monitoringTypeKindError(kind, type, field);
  if (error) throw AppError.validation([error]);
}

function requireInside(dates: Parameters<typeof stageDateErrors>[0]): void {
  const errors = stageDateErrors(dates);
  if (errors.length > 0) throw AppError.validation(errors);
}

const bounds = (c: CaseRecord, today: string): StageDateBounds => ({ caseStartedOn: c.startedOn, today });

/** 民主评议: the meeting inside the case. */
export function requireMeetingInside(c: CaseRecord, meetingOn: string, today: string): void {
  requireInside([
    { field: 'meetingOn', label: STAGE_DATE_LABELS.meetingOn, value: meetingOn, bounds: bounds(c, today) },
  ]);
}

/** 村内公示 start: inside the case and not before the review meeting. */
export function requireNoticeStartInside(c: CaseRecord, startedOn: string, today: string): void {
  const meetingOn = (c.data.villageReview as { meetingOn?: string } | undefined)?.meetingOn;
  const notBefore = meetingOn ? { date: meetingOn, zh: '民主评议日期', en: 'review meeting' } : undefined;
  requireInside([
    {
      field: 'startedOn',
      label: STAGE_DATE_LABELS.noticeStartedOn,
      value: startedOn,
      bounds: { ...bounds(c, today), notBefore },
    },
  ]);
}

/** Objections to the notice: received while it hung (from its start to today). */
export function requireObjectionsInside(
  c: CaseRecord,
  objections: readonly { receivedOn: string }[],
  today: string,
): void {
  const notBefore = c.noticeStartedOn ? { date: c.noticeStartedOn, zh: '公示开始日期', en: 'notice start' } : undefined;
  const b = { ...bounds(c, today), notBefore };
  requireInside(
    objections.map((o, i) => ({
      field: `objections[${i}].receivedOn`,
      label: STAGE_DATE_LABELS.objectionOn,
      value: o.receivedOn,
      bounds: b,
    })),
  );
}
