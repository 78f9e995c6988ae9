// One bound parameter for a whole list: a PostgreSQL array literal ('{"a","b",NULL}'), cast in SQL
// (`= ANY(${pgArray(keys)}::text[])`, `unnest(${pgArray(xs)}::bigint[], …)`). drizzle's sql`` would
// spread a JS array into one parameter per element.

function element(value: string | number | bigint | boolean | null | undefined): string {
  if (value === null || value === undefined) return 'NULL';
  if (typeof value !== 'string') return String(value);
  return `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

export function pgArray(values: readonly (string | number | bigint | boolean | null | undefined)[]): string {
  return `{${values.map(element).join(',')}}`;
}
