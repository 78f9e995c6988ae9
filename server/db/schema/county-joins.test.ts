// Issue 17 point 5: every join to a household-scoped table carries `county_code`, so that on a distributed database
// (Citus, distribution column county_code; docs/SCALING.md) the join stays inside one county's shard. Static: reads
// the server's SQL (raw `JOIN t a ON …` in template strings, and drizzle's `.innerJoin(table, on)`), no database.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { is } from 'drizzle-orm';
import { getTableConfig, PgTable } from 'drizzle-orm/pg-core';
import { describe, expect, it } from 'vitest';
import { householdScopedTables } from './county-code.test-support.ts';
import * as schema from './index.ts';

const SERVER = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'migrations' ? [] : sourceFiles(full);
    return entry.name.endsWith('.ts') && !entry.name.includes('.test') ? [full] : [];
  });
}

/** The text from `open` (an opening parenthesis) to its matching close. */
function balanced(text: string, open: number): string {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    if (text[i] === '(') depth++;
    else if (text[i] === ')' && --depth === 0) return text.slice(open + 1, i);
  }
  return text.slice(open + 1);
}

// `JOIN table [AS] alias ON condition`, the condition running to the next clause or the end of the template.
const RAW_JOIN =
  /\bJOIN\s+([a-z_]+)(?:\s+(?:AS\s+)?[a-z_][a-z_0-9]*)?\s+ON\s+([\s\S]*?)(?=\b(?:LEFT|RIGHT|INNER|FULL|CROSS)?\s*JOIN\b|\bWHERE\b|\bGROUP BY\b|\bORDER BY\b|\bUNION\b|`|\)\s*(?:,|AS\b|$))/gi;

export interface Finding {
  file: string;
  table: string;
  on: string;
}

export function joinsWithoutCounty(file: string, text: string, scoped: Set<string>, byExport: Map<string, string>) {
  const found: Finding[] = [];
  for (const m of text.matchAll(RAW_JOIN)) {
    const table = m[1].toLowerCase();
    if (scoped.has(table) && !/county_code/.test(m[2]))
      found.push({ file, table, on: m[2].replace(/\s+/g, ' ').trim() });
  }
  for (const m of text.matchAll(/\.(?:inner|left|right|full)Join\(\s*(\w+)\s*,/g)) {
    const table = byExport.get(m[1]);
    const on = balanced(text, m.index + m[0].indexOf('('));
    if (table && scoped.has(table) && !/countyCode|county_code/.test(on))
      found.push({ file, table, on: on.replace(/\s+/g, ' ').trim() });
  }
  return found;
}

const byExport = new Map<string, string>();
for (const [name, value] of Object.entries(schema) as [string, unknown][])
  if (is(value, PgTable)) byExport.set(name, getTableConfig(value).name);
const scoped = new Set(householdScopedTables());

describe('joins to household-scoped tables carry county_code', () => {
  it('finds a join without it in a sample (the check looks at something)', () => {
    const sample =
      'sql`SELECT 1 FROM membership m JOIN person p ON p.id = m.person_id WHERE true`;' +
      '\n db.select().from(memberships).innerJoin(persons, eq(persons.id, memberships.personId))';
    expect(joinsWithoutCounty('sample.ts', sample, scoped, byExport).map((f) => f.table)).toEqual(['person', 'person']);
    const fine = 'sql`FROM membership m JOIN person p ON p.id = m.person_id AND p.county_code = m.county_code`';
    expect(joinsWithoutCounty('fine.ts', fine, scoped, byExport)).toEqual([]);
  });

  it('in every server file', () => {
    const findings = sourceFiles(SERVER).flatMap((full) => {
      const file = path.relative(path.dirname(SERVER), full);
      return joinsWithoutCounty(file, readFileSync(full, 'utf8'), scoped, byExport);
    });
    expect(findings.map((f) => `${f.file}: JOIN ${f.table} ON ${f.on.slice(0, 120)}`)).toEqual([]);
  });
});
