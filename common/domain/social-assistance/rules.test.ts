import { describe, expect, it } from 'vitest';
import { memberCovered, uncoveredWithoutLabour, type BenefitSpell, type MemberFacts } from './rules.ts';

const member = (labourSkill: string, benefits: BenefitSpell[] = [], flags = {}): MemberFacts => ({
  labourSkill,
  minimumLiving: false,
  destituteSupport: false,
  benefits,
  ...flags,
});
const DAY = '2026-06-15';

describe('uncovered without labour (精准施策分类帮扶 二(二)1)', () => {
  it.each([
    ['all lost, nothing received', [member('lost'), member('none')], true, true],
    ['a weak labourer is labour', [member('lost'), member('weak')], true, false],
    ['not monitored', [member('lost')], false, false],
    ['no members', [], true, false],
    ['registry 低保 flag covers', [member('lost', [], { minimumLiving: true })], true, false],
    ['registry 特困 flag covers', [member('none', [], { destituteSupport: true })], true, false],
    [
      '单人保 of one member covers',
      [member('lost', [{ kind: 'singlePerson', startOn: '2026-01-01', endOn: null }]), member('none')],
      true,
      false,
    ],
    [
      '临时救助 does not cover',
      [member('lost', [{ kind: 'temporaryRelief', startOn: '2026-01-01', endOn: null }])],
      true,
      true,
    ],
    [
      '残疾人两项补贴 does not cover',
      [member('lost', [{ kind: 'disabilityAllowance', startOn: '2026-01-01', endOn: null }])],
      true,
      true,
    ],
  ] as const)('%s', (_, members, monitored, flagged) => {
    expect(uncoveredWithoutLabour({ monitored, members }, DAY)).toBe(flagged);
  });

  it.each([
    ['starts that day', '2026-06-15', null, true],
    ['starts the next day', '2026-06-16', null, false],
    ['ends that day', '2026-01-01', '2026-06-15', true],
    ['ended the day before', '2026-01-01', '2026-06-14', false],
  ] as const)('低保 entry %s', (_, startOn, endOn, covered) => {
    expect(memberCovered(member('lost', [{ kind: 'minimumLiving', startOn, endOn }]), DAY)).toBe(covered);
  });
});
