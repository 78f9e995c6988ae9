import { describe, expect, it } from 'vitest';
import { STAGE_LABELS } from '../../../common/domain/cases/workflow.ts';
import { ENTRY_STAGE_LABELS, PROJECT_STATUS_LABELS } from '../../../common/domain/projects/workflow.ts';
import { caseStageName, projectStageName, projectStatusName } from './workflowLabels.ts';

const CHINESE = /[\u4e00-\u9fff]/;

describe('stage and status names by language', () => {
  it.each([
    ['case stage', Object.keys(STAGE_LABELS), caseStageName],
    ['project stage', Object.keys(ENTRY_STAGE_LABELS), projectStageName],
    ['project status', Object.keys(PROJECT_STATUS_LABELS), projectStatusName],
  ] as const)('every %s has an English name and keeps its Chinese one', (_, codes, name) => {
    for (const code of codes) {
      expect(name(code, 'en'), code).not.toMatch(CHINESE);
      expect(name(code, 'en'), code).not.toBe(code);
      expect(name(code, 'zh-CN'), code).toMatch(CHINESE);
    }
  });

  it.each([
    [caseStageName, 'townshipReview', '乡镇审核', 'Township review'],
    [projectStageName, 'countyApproval', '县级审定', 'County approval'],
    [projectStatusName, 'implementing', '实施', 'Implementing'],
  ])('%#: %s → %s / %s', (name, code, zh, en) => {
    expect(name(code, 'zh-CN')).toBe(zh);
    expect(name(code, 'en')).toBe(en);
  });
});
