import { describe, expect, it } from 'vitest';
import { signerOf } from './notice-signer.ts';

describe('signerOf', () => {
  it.each([
    [{ name: '龙港镇', kind: '镇' }, '龙港镇人民政府'],
    [{ name: '十里乡', kind: '乡' }, '十里乡人民政府'],
    [{ name: '沁水经济技术开发区', kind: '开发区' }, '沁水经济技术开发区管委会'],
    [{ name: '东庄村', kind: '行政村' }, '东庄村村民委员会'],
    [{ name: '东庄社区', kind: '社区' }, '东庄社区居民委员会'],
    [{ name: '沁水县', kind: '县' }, '沁水县人民政府'],
  ])('%o → %s', (unit, signer) => expect(signerOf(unit)).toBe(signer));
});
