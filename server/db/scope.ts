import { sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { Actor } from '../lib/context.ts';

/**
 * The scope guard every repository query on scoped data includes (architecture rule 3).
 * Org codes nest by prefix, so "the unit and its descendants" is one indexed range test.
 */
export function inScope(column: AnyPgColumn | SQL, actor: Pick<Actor, 'scopePrefix'>): SQL {
  if (actor.scopePrefix === '') return sql`true`;
  return sql`${column} LIKE ${actor.scopePrefix + '%'}`;
}
