import { describe, expect, it } from 'vitest';
import { visibleEvidence } from './evidence.ts';

describe('visibleEvidence', () => {
  it.each([
    [
      'drops hashes and ciphers, keeps masked forms',
      { idMasked: '1405**********0011', idHash: 'h', idCipher: 'c', phoneMasked: '138****0000', phoneCipher: 'p' },
      { idMasked: '1405**********0011', phoneMasked: '138****0000' },
    ],
    [
      'at any depth, in arrays too',
      { members: [{ name: '张三', personIdHash: 'x' }], nested: { a: { bankCipher: 'y', b: 1 } } },
      { members: [{ name: '张三' }], nested: { a: { b: 1 } } },
    ],
    [
      'leaves values alone',
      { reason: 'idHash in text is fine', amountFen: 100 },
      { reason: 'idHash in text is fine', amountFen: 100 },
    ],
    ['scalars pass through', 'text', 'text'],
  ])('%s', (_name, input, expected) => {
    expect(visibleEvidence(input)).toEqual(expected);
  });
});
