import { describe, expect, it } from 'vitest';
import { applicationProgress, type ApplicationFacts } from './application-status.ts';

describe('applicationProgress', () => {
  it.each<[string, ApplicationFacts, string]>([
    ['an open clue nobody took up yet', { clueStatus: 'open', caseStage: null, caseStatus: null }, 'received'],
    [
      'a clue closed without a case (no risk found)',
      { clueStatus: 'closed', caseStage: null, caseStatus: null },
      'notIncluded',
    ],
    ['入户核实', { clueStatus: 'open', caseStage: 'verification', caseStatus: 'active' }, 'verifying'],
    ['信息比对', { clueStatus: 'open', caseStage: 'comparison', caseStatus: 'active' }, 'verifying'],
    ['民主评议', { clueStatus: 'open', caseStage: 'villageReview', caseStatus: 'active' }, 'villageReview'],
    ['公示', { clueStatus: 'open', caseStage: 'publicNotice', caseStatus: 'active' }, 'publicNotice'],
    ['乡镇审核', { clueStatus: 'open', caseStage: 'townshipReview', caseStatus: 'active' }, 'approval'],
    ['县级审定', { clueStatus: 'open', caseStage: 'countyApproval', caseStatus: 'active' }, 'approval'],
    ['公告', { clueStatus: 'open', caseStage: 'announcement', caseStatus: 'active' }, 'approval'],
    ['纳入监测 (clue closed by the case)', { clueStatus: 'closed', caseStage: 'done', caseStatus: 'done' }, 'included'],
    ['核实不符合', { clueStatus: 'closed', caseStage: 'closed', caseStatus: 'closed' }, 'notIncluded'],
  ])('%s', (_name, facts, expected) => {
    expect(applicationProgress(facts)).toBe(expected);
  });
});
