// The dates a case's village records carry (民主评议 meeting, 公示 start, objections) must lie inside
// the case: not before it started (the clue's day for an identification, the start of an
// elimination) and not after today in China time. Otherwise a notice could be dated back to "hang"
// its workflow.noticeDays on paper, or a review dated before the risk was even found, and the
// workflow.identificationDays limit met on paper only (policy-rules §1.6).

export interface FieldMessage {
  field: string;
  messageZh: string;
  messageEn: string;
}

export interface StageDateBounds {
  /** The case's start (ISO date). */
  caseStartedOn: string;
  /** Today in China time (ISO date). */
  today: string;
  /** A later lower bound than the case start, e.g. the notice cannot precede the review meeting. */
  notBefore?: { date: string; zh: string; en: string };
}

/** The field message for a date outside the case, or null when it lies inside. ISO dates compare as strings. */
export function stageDateError(
  field: string,
  label: { zh: string; en: string },
  value: string,
  b: StageDateBounds,
): FieldMessage | null {
  if (value > b.today) {
    return {
      field,
      messageZh: `${label.zh}不能晚于今天（${b.today}）`,
      messageEn: `The ${label.en} cannot be after today (${b.today})`,
    };
  }
  if (value < b.caseStartedOn) {
    return {
      field,
      messageZh: `${label.zh}不能早于事项开始日期 ${b.caseStartedOn}`,
      messageEn: `The ${label.en} cannot be before the case started on ${b.caseStartedOn}`,
    };
  }
  if (b.notBefore && value < b.notBefore.date) {
    return {
      field,
      messageZh: `${label.zh}不能早于${b.notBefore.zh} ${b.notBefore.date}`,
      messageEn: `The ${label.en} cannot be before the ${b.notBefore.en} on ${b.notBefore.date}`,
    };
  }
  return null;
}

export const STAGE_DATE_LABELS = {
  meetingOn: { zh: '民主评议日期', en: 'review meeting date' },
  noticeStartedOn: { zh: '公示开始日期', en: 'notice start date' },
  objectionOn: { zh: '异议收到日期', en: 'objection date' },
} as const;

/** Every date of a stage record outside its bounds, as field messages (empty when all are inside). */
export function stageDateErrors(
  dates: readonly { field: string; label: { zh: string; en: string }; value: string; bounds: StageDateBounds }[],
): FieldMessage[] {
  return dates.flatMap((d) => stageDateError(d.field, d.label, d.value, d.bounds) ?? []);
}
