import { describe, expect, it } from 'vitest';
import { STAGE_LABELS } from '#common/domain/cases/workflow.ts';
import { ENTRY_STAGE_LABELS, PROJECT_STATUS_LABELS } from '#common/domain/projects/workflow.ts';
import { zhMessages } from './messages.zh.ts';
import { enMessages } from './messages.en.ts';
import { defineMessages, fill, messageIn, oneLanguage, pairTables, pickIn, translate } from './useI18n.ts';
import { workflowName, type WorkflowNameKind } from './workflowNames.ts';

const CHINESE = /[\u4e00-\u9fff]/;

describe('message tables', () => {
  const TEXT = defineMessages({ total: ['共 {n} 条', '{n} rows'], title: ['工作台', 'Workbench'] });

  it('reads a page table in either language and fills placeholders', () => {
    expect(messageIn(TEXT, 'zh-CN', 'total', { n: 3 })).toBe('共 3 条');
    expect(messageIn(TEXT, 'en', 'total', { n: 3 })).toBe('3 rows');
    expect(messageIn(TEXT, 'en', 'title')).toBe('Workbench');
  });

  it('keeps a placeholder without a value visible', () => {
    expect(fill('已持续 {n} 天，{who}', { n: 2 })).toBe('已持续 2 天，{who}');
  });

  it('pairs two per-language dictionaries key by key', () => {
    expect(pairTables({ a: '甲', b: '乙' }, { a: 'A', b: 'B' })).toEqual({ a: ['甲', 'A'], b: ['乙', 'B'] });
  });

  it('picks an inline pair and translates shared keys', () => {
    expect(pickIn('en', '中文', 'English')).toBe('English');
    expect(pickIn('zh-CN', '中文', 'English')).toBe('中文');
    expect(translate('en', 'common.retry')).toBe(enMessages['common.retry']);
    expect(translate('zh-CN', 'common.retry')).toBe(zhMessages['common.retry']);
  });

  it('has an English message for every shared key', () => {
    for (const key of Object.keys(zhMessages) as (keyof typeof zhMessages)[]) {
      expect(enMessages[key], key).toBeTruthy();
    }
  });
});

describe('oneLanguage', () => {
  it.each([
    ['排队中 / queued', '排队中', 'queued'],
    ['完成 / done', '完成', 'done'],
    ['校验第 3/10 户 / checking household 3 of 10', '校验第 3/10 户', 'checking household 3 of 10'],
    ['写入登记库 / writing the registry', '写入登记库', 'writing the registry'],
    ['已评估 3 / 10 户', '已评估 3 / 10 户', '已评估 3 / 10 户'],
    ['3 / 10', '3 / 10', '3 / 10'],
    ['只有中文', '只有中文', '只有中文'],
    ['', '', ''],
  ])('%j → zh %j, en %j', (text, zh, en) => {
    expect(oneLanguage(text, 'zh-CN')).toBe(zh);
    expect(oneLanguage(text, 'en')).toBe(en);
  });

  it('reads nothing as empty', () => {
    expect(oneLanguage(null, 'zh-CN')).toBe('');
  });
});

describe('stage and status names by language', () => {
  it.each([
    ['caseStage', Object.keys(STAGE_LABELS)],
    ['projectStage', Object.keys(ENTRY_STAGE_LABELS)],
    ['projectStatus', Object.keys(PROJECT_STATUS_LABELS)],
  ] as const)('every %s has an English name and keeps its Chinese one', (kind: WorkflowNameKind, codes) => {
    for (const code of codes) {
      expect(workflowName(kind, code, 'en'), code).not.toMatch(CHINESE);
      expect(workflowName(kind, code, 'en'), code).not.toBe(code);
      expect(workflowName(kind, code, 'zh-CN'), code).toMatch(CHINESE);
    }
  });

  it.each([
    ['caseStage', 'townshipReview', '乡镇审核', 'Township review'],
    ['projectStage', 'countyApproval', '县级审定', 'County approval'],
    ['projectStatus', 'implementing', '实施', 'Implementing'],
  ] as const)('%s: %s → %s / %s', (kind, code, zh, en) => {
    expect(workflowName(kind, code, 'zh-CN')).toBe(zh);
    expect(workflowName(kind, code, 'en')).toBe(en);
  });

  it('shows an unknown code as it is', () => {
    expect(workflowName('caseStage', 'mystery', 'en')).toBe('mystery');
  });
});
