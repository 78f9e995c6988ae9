import { describe, expect, it } from 'vitest';
import { HOUSEHOLD_KINDS, MONITORING_TYPES } from '../registry/codes.ts';
import { allowedMonitoringTypes, monitoringTypeFits, monitoringTypeKindError } from './monitoring-type.ts';

// policy-rules.md §1.2, one row per (户类型, 监测对象类型):
//   1. 脱贫不稳定户: a 脱贫户 …                        → only 脱贫户
//   2. 边缘易致贫户: an ordinary household (一般农户) … → only 一般农户
//   3. 突发严重困难户: … either a 脱贫户 or an ordinary household
const POLICY: [kind: 'alleviated' | 'ordinary', type: 'unstable' | 'edge' | 'suddenHardship', fits: boolean][] = [
  ['alleviated', 'unstable', true],
  ['alleviated', 'edge', false],
  ['alleviated', 'suddenHardship', true],
  ['ordinary', 'unstable', false],
  ['ordinary', 'edge', true],
  ['ordinary', 'suddenHardship', true],
];

describe('监测对象类型 fits 户类型 (§1.2)', () => {
  it('covers every kind × type of the code lists', () => {
    expect(POLICY.length).toBe(HOUSEHOLD_KINDS.length * MONITORING_TYPES.length);
  });

  it.each(POLICY)('%s + %s → %s', (kind, type, fits) => {
    expect(monitoringTypeFits(kind, type)).toBe(fits);
    expect(allowedMonitoringTypes(kind).includes(type)).toBe(fits);
    const error = monitoringTypeKindError(kind, type);
    if (fits) expect(error).toBeNull();
    else
      expect(error).toMatchObject({
        field: 'monitoringType',
        messageZh: expect.stringContaining(kind === 'alleviated' ? '脱贫户' : '一般农户'),
      });
  });

  it('offers the types in code-list order', () => {
    expect(allowedMonitoringTypes('alleviated')).toEqual(['unstable', 'suddenHardship']);
    expect(allowedMonitoringTypes('ordinary')).toEqual(['edge', 'suddenHardship']);
  });

  it('an unknown kind or type fits nothing', () => {
    expect(monitoringTypeFits('closed', 'edge')).toBe(false);
    expect(monitoringTypeFits('ordinary', 'poor')).toBe(false);
    expect(allowedMonitoringTypes('closed')).toEqual([]);
  });
});
