// How a period's warnings compare with the previous period's, per rule: a warning is new when the
// household had none for that rule before, persisting when it had, resolved when it had one before
// and has none now. The monthly run computes the same in SQL; this is the definition and the small-set form.

export interface WarningKey {
  householdId: number;
  ruleCode: string;
}

export type DiffState = 'new' | 'persisting' | 'resolved';

export interface RuleDiff {
  ruleCode: string;
  new: number;
  persisting: number;
  resolved: number;
}

export function diffState(before: boolean, now: boolean): DiffState | null {
  if (now) return before ? 'persisting' : 'new';
  return before ? 'resolved' : null;
}

const keyOf = (k: WarningKey) => `${k.ruleCode}\u0000${k.householdId}`;

/** Per-rule counts, sorted by rule code; duplicates in either list count once. */
export function diffWarnings(previous: readonly WarningKey[], current: readonly WarningKey[]): RuleDiff[] {
  const before = new Map(previous.map((k) => [keyOf(k), k]));
  const now = new Map(current.map((k) => [keyOf(k), k]));
  const out = new Map<string, RuleDiff>();
  const bump = (ruleCode: string, state: DiffState) => {
    const row = out.get(ruleCode) ?? { ruleCode, new: 0, persisting: 0, resolved: 0 };
    row[state] += 1;
    out.set(ruleCode, row);
  };
  for (const [key, k] of new Map([...before, ...now])) {
    const state = diffState(before.has(key), now.has(key));
    if (state) bump(k.ruleCode, state);
  }
  return [...out.values()].sort((a, b) => a.ruleCode.localeCompare(b.ruleCode));
}

export function diffTotals(rows: readonly RuleDiff[]): Omit<RuleDiff, 'ruleCode'> {
  return rows.reduce(
    (t, r) => ({ new: t.new + r.new, persisting: t.persisting + r.persisting, resolved: t.resolved + r.resolved }),
    { new: 0, persisting: 0, resolved: 0 },
  );
}
