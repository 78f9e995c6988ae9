import { describe, expect, it } from 'vitest';
import { STAGE_DATE_LABELS, stageDateError, stageDateErrors } from './stage-dates.ts';

// A clue found on 2026-11-10, today 2026-11-20 (China time).
const bounds = { caseStartedOn: '2026-11-10', today: '2026-11-20' };

describe('评议 and 公示 dates lie inside the case (§1.6: ≥ 5-day notice inside the 15-day limit)', () => {
  it.each([
    ['the day the case started', '2026-11-10', null],
    ['a day inside the case', '2026-11-14', null],
    ['today', '2026-11-20', null],
    ['the day before the case started', '2026-11-09', '不能早于事项开始日期 2026-11-10'],
    ['a month before the case (a notice "hung" on paper)', '2026-10-20', '不能早于事项开始日期 2026-11-10'],
    ['tomorrow', '2026-11-21', '不能晚于今天（2026-11-20）'],
  ])('%s', (_name, value, message) => {
    const error = stageDateError('meetingOn', STAGE_DATE_LABELS.meetingOn, value, bounds);
    if (message === null) expect(error).toBeNull();
    else
      expect(error).toEqual({
        field: 'meetingOn',
        messageZh: `民主评议日期${message}`,
        messageEn: expect.stringMatching(/review meeting date/),
      });
  });

  it('the notice cannot start before the review meeting, even inside the case', () => {
    const b = { ...bounds, notBefore: { date: '2026-11-15', zh: '民主评议日期', en: 'review meeting' } };
    expect(stageDateError('startedOn', STAGE_DATE_LABELS.noticeStartedOn, '2026-11-14', b)?.messageZh).toBe(
      '公示开始日期不能早于民主评议日期 2026-11-15',
    );
    expect(stageDateError('startedOn', STAGE_DATE_LABELS.noticeStartedOn, '2026-11-15', b)).toBeNull();
  });

  it('a case started today allows only today (a case found today cannot have hung its notice yet)', () => {
    const b = { caseStartedOn: '2026-11-20', today: '2026-11-20' };
    expect(stageDateError('startedOn', STAGE_DATE_LABELS.noticeStartedOn, '2026-11-15', b)).not.toBeNull();
    expect(stageDateError('startedOn', STAGE_DATE_LABELS.noticeStartedOn, '2026-11-20', b)).toBeNull();
  });

  it('collects one message per date outside, naming each field', () => {
    const errors = stageDateErrors([
      { field: 'objections[0].receivedOn', label: STAGE_DATE_LABELS.objectionOn, value: '2026-11-16', bounds },
      { field: 'objections[1].receivedOn', label: STAGE_DATE_LABELS.objectionOn, value: '2026-11-01', bounds },
      { field: 'objections[2].receivedOn', label: STAGE_DATE_LABELS.objectionOn, value: '2026-12-01', bounds },
    ]);
    expect(errors.map((e) => e.field)).toEqual(['objections[1].receivedOn', 'objections[2].receivedOn']);
  });
});
