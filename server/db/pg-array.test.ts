import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { queryRows } from './connect.ts';
import { createTestDatabase } from '../test/test-db.ts';
import { pgArray } from './pg-array.ts';

describe('pgArray', () => {
  it.each([
    [[], '{}'],
    [[1, 2, 3], '{1,2,3}'],
    [['a', null, 'b'], '{"a",NULL,"b"}'],
    [['say "hi"', 'back\\slash', 'NULL', '{x,y}'], '{"say \\"hi\\"","back\\\\slash","NULL","{x,y}"}'],
  ])('%j → %s', (values, literal) => {
    expect(pgArray(values)).toBe(literal);
  });

  it('round-trips awkward text and JSON through the database', async () => {
    const database = await createTestDatabase();
    try {
      const values = ['住院自付', 'a"b', 'c\\d', 'NULL', '{"k":"v, w"}', null, ' spaced '];
      const rows = await queryRows<{ v: string | null }>(
        database.db,
        sql`SELECT v FROM unnest(${pgArray(values)}::text[]) WITH ORDINALITY AS t(v, n) ORDER BY n`,
      );
      expect(rows.map((r) => r.v)).toEqual(values);
      const [{ j }] = await queryRows<{ j: unknown }>(
        database.db,
        sql`SELECT (${pgArray([JSON.stringify({ disasterType: '洪涝', note: 'a"b' })])}::jsonb[])[1] AS j`,
      );
      expect(j).toEqual({ disasterType: '洪涝', note: 'a"b' });
    } finally {
      await database.close();
    }
  });
});
