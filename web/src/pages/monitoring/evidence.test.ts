import { describe, expect, it } from 'vitest';
import { CLUE_CHANNEL_LABELS, PETITION_KIND_LABELS as CONTRACT_PETITION_KINDS } from '#common/contracts/clues.ts';
import { evidenceHeadline } from './evidenceHeadline.ts';
import { evidenceRows } from './evidence.ts';
import { CHANNEL_LABELS, CHANNELS, PETITION_KIND_LABELS } from './labels.ts';

const zh = { language: 'zh-CN' };

describe('evidence as readable rows', () => {
  it('never shows hashes, ciphertexts or person ids', () => {
    const rows = evidenceRows(
      {
        applicantName: '张建国',
        idHash: 'abc',
        idCipher: 'x',
        phoneCipher: 'y',
        idMasked: '1405**********0119',
        registered: true,
        reason: '住院',
      },
      zh,
    );
    expect(rows.map((r) => r.label)).toEqual(['申请人', '身份证号', '已在农户台账中', '申请原因']);
    expect(rows.find((r) => r.key === 'registered')?.value).toBe('是');
  });

  it('puts figures before thresholds and the parameters with their source last', () => {
    const rows = evidenceRows(
      {
        params: {
          'medical.otherOutOfPocketFen': {
            value: 2_000_000,
            source: 'county example',
            scopeCode: '000000000000',
            effectiveFrom: '2021-01-01',
          },
          'medical.alleviatedOutOfPocketFen': {
            value: 500_000,
            source: 'x',
            scopeCode: '000000000000',
            effectiveFrom: '2021-01-01',
          },
        },
        window: { from: '2025-12-01', to: '2026-11-30' },
        inpatientFen: 2_600_000,
        inpatientThresholdFen: 2_000_000,
        inpatientThresholdParam: 'medical.otherOutOfPocketFen',
        householdKind: 'ordinary',
      },
      {
        language: 'zh-CN',
        params: { 'medical.otherOutOfPocketFen': { label: '其他农村居民住院自付累计预警线', unit: 'fen' } },
      },
    );
    expect(rows.map((r) => r.key)).toEqual([
      'window',
      'householdKind',
      'inpatientFen',
      'inpatientThresholdFen',
      'inpatientThresholdParam',
      'params',
    ]);
    expect(rows[2].value).toBe('26,000.00 元');
    expect(rows[4].value).toBe('其他农村居民住院自付累计预警线');
    const params = rows[5].children!;
    // Only the line for this household's kind is listed.
    expect(params).toHaveLength(1);
    expect(params[0]).toMatchObject({ value: '20,000.00 元', note: expect.stringContaining('county example') });
    expect(params[0].note).toContain('全国默认');
  });

  it.each([
    ['zh-CN', '依据：政策规则 §2：县级实施办法示例，年内累计 ≥20000元（全国默认'],
    ['en', 'Source: policy-rules §2: county 实施办法 example, ≥20,000 yuan year-to-date'],
  ])('cites a seeded parameter’s source in the reader’s language (%s)', (language, expected) => {
    const rows = evidenceRows(
      {
        params: {
          'medical.otherOutOfPocketFen': {
            value: 2_000_000,
            source: 'policy-rules §2: county 实施办法 example, ≥20,000 yuan year-to-date',
            scopeCode: '000000000000',
            effectiveFrom: '2021-01-01',
          },
        },
      },
      { language },
    );
    expect(rows[0].children![0].note).toContain(expected);
  });

  it('lists small records on one line and counts people instead of showing ids', () => {
    const rows = evidenceRows(
      { deceasedLabourers: [{ personId: 7, on: '2026-03-01', labourSkill: 'ordinary' }], unemployedPersonIds: [3, 4] },
      zh,
    );
    expect(rows[0].children![0].value).toBe('日期 2026-03-01，劳动能力 普通劳动力');
    expect(rows[1].value).toBe('2 人');
  });

  it('sums up a warning as the figure against its line', () => {
    expect(evidenceHeadline('INCOME_BELOW_LINE', { incomeYear: 2025, perCapitaFen: 520_000, lineFen: 600_000 })).toBe(
      '2025年人均 5,200.00 元，不高于标准 6,000.00 元',
    );
    expect(
      evidenceHeadline('MEDICAL_BURDEN', {
        inpatientFen: 2_600_000,
        inpatientThresholdFen: 2_000_000,
        outpatientMonthFen: 0,
      }),
    ).toBe('个人住院自付本年累计 26,000.00 元（预警线 20,000.00 元）');
    expect(
      evidenceHeadline('EDUCATION_BURDEN', {
        costFen: 200_001,
        thresholdFen: 1_000_000,
        rigidSpending: { totalFen: 900_001, incomeYear: 2025, netIncomeFen: 900_000, exceedsIncome: true },
      }),
    ).toBe(
      '学生本学年教育自付 2,000.01 元（预警线 10,000.00 元）；本年医疗教育刚性支出 9,000.01 元，超过2025年家庭纯收入 9,000.00 元',
    );
  });
});

describe('labels kept in step with the contract', () => {
  it('names every channel and petition kind as the server does', () => {
    expect(CHANNELS.map((c) => CHANNEL_LABELS[c].zh)).toEqual(Object.values(CLUE_CHANNEL_LABELS));
    expect(Object.fromEntries(Object.entries(PETITION_KIND_LABELS).map(([k, v]) => [k, v.zh]))).toEqual(
      CONTRACT_PETITION_KINDS,
    );
  });
});
