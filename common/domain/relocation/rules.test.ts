import { describe, expect, it } from 'vitest';
import { relocationEmploymentStatus, shortOfStableEmployment, type RelocatedMember } from './rules.ts';

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
