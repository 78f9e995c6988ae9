import { describe, expect, it } from 'vitest';
import { contentDisposition } from './download.ts';

describe('contentDisposition', () => {
  it.each([
    [
      '监测对象台账.xlsx',
      'attachment',
      `attachment; filename="download.xlsx"; filename*=UTF-8''%E7%9B%91%E6%B5%8B%E5%AF%B9%E8%B1%A1%E5%8F%B0%E8%B4%A6.xlsx`,
    ],
    [
      '衔接资金台账2026.xlsx',
      'attachment',
      `attachment; filename="2026.xlsx"; filename*=UTF-8''%E8%A1%94%E6%8E%A5%E8%B5%84%E9%87%91%E5%8F%B0%E8%B4%A62026.xlsx`,
    ],
    ["it's (1).pdf", 'inline', `inline; filename="it_s_1.pdf"; filename*=UTF-8''it%27s%20%281%29.pdf`],
    ['a"b\r\n.csv', 'attachment', `attachment; filename="a_b.csv"; filename*=UTF-8''a%22b%0D%0A.csv`],
  ] as const)('%s', (name, disposition, header) => {
    expect(contentDisposition(name, disposition)).toBe(header);
  });
});
