export interface FieldChange {
  field: string;
  before: string;
  after: string;
  changed: boolean;
}

const asRecord = (value: unknown): Record<string, unknown> =>
  value && typeof value === 'object' && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : value == null
      ? {}
      : { value };

function show(value: unknown): string {
  if (value === undefined) return '';
  if (typeof value === 'string') return value;
  return JSON.stringify(value, null, 1);
}

/** Field-by-field view of an audit entry's before and after snapshots; changed fields first. */
export function diffAuditSnapshots(before: unknown, after: unknown): FieldChange[] {
  const old = asRecord(before);
  const next = asRecord(after);
  const fields = Array.from(new Set([...Object.keys(old), ...Object.keys(next)]));
  return fields
    .map((field) => {
      const was = show(old[field]);
      const now = show(next[field]);
      return { field, before: was, after: now, changed: was !== now };
    })
    .sort((a, b) => Number(b.changed) - Number(a.changed));
}
