import { describe, expect, it } from 'vitest';
import {
  endDateProblem,
  relocationEmploymentStatus,
  sheetDate,
  shortOfStableEmployment,
  type RelocatedMember,
} from './rules.ts';

// §二(一)4 "确保有劳动能力的搬迁家庭每户至少一人稳定就业", table-driven.
const labourStable: RelocatedMember = { labourer: true, stable: true };
const labourNot: RelocatedMember = { labourer: true, stable: false };
const noLabour: RelocatedMember = { labourer: false, stable: false };
// A member without registered labour who still works steadily (e.g. 弱劳动力 misrecorded as 丧失): counts for the household.
const noLabourStable: RelocatedMember = { labourer: false, stable: true };

describe('relocated household: at least one stably employed member when it has labour', () => {
  it.each([
    ['one labourer, stably employed', [labourStable], 'met'],
    ['one labourer, not stably employed', [labourNot], 'short'],
    ['two labourers, one stable', [labourNot, labourStable], 'met'],
    ['two labourers, none stable', [labourNot, labourNot], 'short'],
    ['labourer not stable, elder without labour', [labourNot, noLabour], 'short'],
    ['no labour at all: outside the check', [noLabour, noLabour], 'noLabour'],
    ['no members', [], 'noLabour'],
    ['labourer not stable, another member stable without registered labour', [labourNot, noLabourStable], 'met'],
  ] as const)('%s → %s', (_name, members, expected) => {
    expect(relocationEmploymentStatus(members)).toBe(expected);
    expect(shortOfStableEmployment(members)).toBe(expected === 'short');
  });
});

describe('ending an entry: the end day lies between the move-in day and today (China)', () => {
  const TODAY = '2026-06-15';
  it.each([
    ['the move-in day itself', '2019-11-15', '2019-11-15', null],
    ['the day before the move-in', '2019-11-15', '2019-11-14', '结束日期不能早于入住日期'],
    ['today', '2019-11-15', TODAY, null],
    ['tomorrow', '2019-11-15', '2026-06-16', '结束日期不能晚于今天'],
    ['a day in between', '2019-11-15', '2023-02-28', null],
  ] as const)('%s', (_name, movedOn, endedOn, problem) => {
    expect(endDateProblem(movedOn, endedOn, TODAY)?.zh ?? null).toBe(problem);
  });
});

describe('a department sheet date', () => {
  it.each([
    ['2019-11-15', '2019-11-15'],
    ['2019/11/5', '2019-11-05'],
    ['2019.1.15', '2019-01-15'],
    ['2019年11月15日', '2019-11-15'],
    ['20191115', '2019-11-15'],
    ['2019-02-29', null],
    ['2020-02-29', '2020-02-29'],
    ['2019-13-01', null],
    ['15/11/2019', null],
    ['', null],
    ['明年', null],
  ] as const)('%s → %s', (text, iso) => {
    expect(sheetDate(text)).toBe(iso);
  });
});
