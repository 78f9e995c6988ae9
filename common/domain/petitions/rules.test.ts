import { describe, expect, it } from 'vitest';
import {
  clueKindOf,
  dateInEventErrors,
  daysLeft,
  deadlineOf,
  eventErrors,
  isOverdue,
  isZeroPetition,
} from './rules.ts';

// 涉贫舆情与信访 (沁发〔2021〕17号 二(一)6, 二(三)6 三是): deadline, overdue on the China day, dates, clue kind, 零上访.

describe('deadlineOf (days: parameter petitions.handlingDays)', () => {
  it.each([
    ['2026-03-01', 15, '2026-03-16'],
    ['2026-02-20', 15, '2026-03-07'],
    ['2024-02-20', 15, '2024-03-06'],
    ['2026-12-25', 15, '2027-01-09'],
    ['2026-03-01', 0, '2026-03-01'],
    ['2026-01-31', 60, '2026-04-01'],
  ])('%s + %i days → %s', (received, days, deadline) => expect(deadlineOf(received, days)).toBe(deadline));
});

describe('isOverdue / daysLeft', () => {
  const open = { deadlineOn: '2026-03-16', closedOn: null };
  it.each([
    [open, '2026-03-15', false, 1],
    [open, '2026-03-16', false, 0],
    [open, '2026-03-17', true, -1],
    [open, '2026-04-16', true, -31],
    [{ deadlineOn: '2026-03-16', closedOn: '2026-03-20' }, '2026-04-16', false, null],
    [{ deadlineOn: '2026-03-16', closedOn: '2026-03-10' }, '2026-03-12', false, null],
  ])('%o on %s → overdue %s, days left %s', (event, today, overdue, left) => {
    expect(isOverdue(event, today)).toBe(overdue);
    expect(daysLeft(event, today)).toBe(left);
  });
});

describe('eventErrors', () => {
  const today = '2026-12-06';
  it.each([
    [{ receivedOn: '2026-12-06' }, []],
    [{ receivedOn: '2026-12-07' }, ['receivedOn']],
    [{ receivedOn: '2026-12-01', deadlineOn: '2026-12-01' }, []],
    [{ receivedOn: '2026-12-01', deadlineOn: '2026-11-30' }, ['deadlineOn']],
    [{ receivedOn: '2026-12-08', deadlineOn: '2026-12-07' }, ['receivedOn', 'deadlineOn']],
    [{ receivedOn: '2026-12-01', deadlineOn: null }, []],
  ])('%o → %o', (input, fields) => expect(eventErrors(input, today).map((e) => e.field)).toEqual(fields));
});

describe('dateInEventErrors (steps and closure)', () => {
  const today = '2026-12-06';
  const event = { receivedOn: '2026-11-20', closedOn: null };
  it.each([
    ['2026-11-20', event, 0],
    ['2026-12-06', event, 0],
    ['2026-11-19', event, 1],
    ['2026-12-07', event, 1],
    ['2026-11-25', { receivedOn: '2026-11-20', closedOn: '2026-11-30' }, 1],
  ])('%s on %o → %i errors', (on, ev, n) => expect(dateInEventErrors('stepOn', on, ev, today)).toHaveLength(n));
});

describe('clueKindOf', () => {
  it.each([
    ['petition', 'letter', 'petition'],
    ['petition', 'hotline12317', 'hotline12317'],
    ['publicOpinion', 'internet', 'publicOpinion'],
    ['publicOpinion', 'hotline12317', 'hotline12317'],
  ] as const)('%s from %s → %s', (kind, source, clue) => expect(clueKindOf(kind, source)).toBe(clue));
});

describe('isZeroPetition (no 信访 received in the year; 舆情 does not count)', () => {
  it.each([
    [[], 2026, true],
    [[{ kind: 'publicOpinion' as const, receivedOn: '2026-05-01' }], 2026, true],
    [[{ kind: 'petition' as const, receivedOn: '2026-05-01' }], 2026, false],
    [[{ kind: 'petition' as const, receivedOn: '2025-12-31' }], 2026, true],
    [[{ kind: 'petition' as const, receivedOn: '2026-01-01' }], 2026, false],
    [[{ kind: 'petition' as const, receivedOn: '2027-01-01' }], 2026, true],
  ])('%o in %i → %s', (events, year, zero) => expect(isZeroPetition(events, year)).toBe(zero));
});
