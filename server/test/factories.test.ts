import { describe, expect, it } from 'vitest';
import { validateIdNumber } from '#common/domain/id-card.ts';
import { makeIdNumber } from './factories.ts';

describe('test ID numbers', () => {
  it('are valid, unique and carry the sex asked for', () => {
    const ids = Array.from({ length: 300 }, (_, i) => makeIdNumber('1980-01-01', i % 2 ? 'male' : 'female'));
    expect(new Set(ids).size).toBe(300);
    ids.forEach((id, i) =>
      expect(validateIdNumber(id, '2025-01-01')).toMatchObject({ ok: true, sex: i % 2 ? 'male' : 'female' }),
    );
  });
});
