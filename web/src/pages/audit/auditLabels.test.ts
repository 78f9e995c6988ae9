import { describe, expect, it } from 'vitest';
import { auditActionText, auditObjectText, auditRecordPath } from './auditLabels.ts';

// Issue 16 point 4: the audit log showed `entry.complete project5`.
describe('audit codes as words', () => {
  it.each([
    ['entry.complete', '办结环节', 'Complete stage'],
    ['entry.reject', '退回', 'Return'],
    ['review.confirmed', '审核确认', 'Confirmed'],
    ['approval.submit', '提交', 'Submit'],
    ['update.password-reset', '修改并重置密码', 'Update and reset password'],
    ['feeds.file', '导入部门数据文件', 'Import department file'],
    ['startNotice', '开始公示', 'Start notice'],
    ['login', '登录', 'Log in'],
    ['somethingNew', 'somethingNew', 'somethingNew'],
    ['entry.somethingNew', 'entry.somethingNew', 'entry.somethingNew'],
  ])('%s → %s / %s', (code, zh, en) => {
    expect(auditActionText(code, 'zh-CN')).toBe(zh);
    expect(auditActionText(code, 'en')).toBe(en);
  });

  it.each([
    ['project', '5', '项目 5', 'Project 5'],
    ['case', '12', '识别认定事项 12', 'Case 12'],
    [
      'policy_param',
      'monitoring.incomeLineFen',
      '政策参数 监测收入标准（人均纯收入，元/年）',
      'Policy parameter Monitoring income line (per-capita net income per year)',
    ],
    ['session', null, '登录会话', 'Session'],
  ])('%s %s → %s / %s', (entity, id, zh, en) => {
    expect(auditObjectText(entity, id, 'zh-CN')).toBe(zh);
    expect(auditObjectText(entity, id, 'en')).toBe(en);
  });

  it.each([
    ['case', '12', '/cases/12'],
    ['household', '140521100201001', null],
    ['asset', '5', '/assets/5'],
    ['project', '5', null],
    ['policy_param', 'monitoring.incomeLineFen', null],
    ['case', null, null],
  ])('%s %s links to %s', (entity, id, path) => {
    expect(auditRecordPath(entity, id)).toBe(path);
  });
});
