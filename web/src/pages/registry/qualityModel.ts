// The per-village quality report grouped into townships (the first 9 digits of a village code).
import type { QualityReportRow } from '#web/api/registry.ts';
import { ruleSeverity } from './ruleNames.ts';

export interface QualityGroupRow {
  orgCode: string;
  orgName: string;
  level: 'township' | 'village';
  households: number;
  householdsWithFindings: number;
  errors: number;
  warnings: number;
  children?: QualityGroupRow[];
}

type Counts = Pick<QualityGroupRow, 'households' | 'householdsWithFindings' | 'errors' | 'warnings'>;

const add = (into: Counts, row: Counts) => {
  into.households += row.households;
  into.householdsWithFindings += row.householdsWithFindings;
  into.errors += row.errors;
  into.warnings += row.warnings;
};

export function groupByTownship(rows: QualityReportRow[], townshipName: (code: string) => string) {
  const byTownship = new Map<string, QualityGroupRow>();
  const total: Counts = { households: 0, householdsWithFindings: 0, errors: 0, warnings: 0 };
  for (const row of rows) {
    const code = `${row.orgCode.slice(0, 9)}000`;
    let group = byTownship.get(code);
    if (!group) {
      group = {
        orgCode: code,
        orgName: townshipName(code),
        level: 'township',
        households: 0,
        householdsWithFindings: 0,
        errors: 0,
        warnings: 0,
        children: [],
      };
      byTownship.set(code, group);
    }
    const { byRule: _byRule, ...village } = row;
    group.children!.push({ ...village, level: 'village' });
    add(group, row);
    add(total, row);
  }
  const groups = [...byTownship.values()].sort((a, b) => a.orgCode.localeCompare(b.orgCode));
  return { groups, total };
}

/** Findings per rule over the whole report: errors first, then the most frequent. */
export function rulesTotal(rows: QualityReportRow[]): { rule: string; count: number }[] {
  const counts = new Map<string, number>();
  for (const row of rows)
    for (const [rule, n] of Object.entries(row.byRule)) counts.set(rule, (counts.get(rule) ?? 0) + n);
  return [...counts.entries()]
    .map(([rule, count]) => ({ rule, count }))
    .sort(
      (a, b) =>
        Number(ruleSeverity(b.rule) === 'error') - Number(ruleSeverity(a.rule) === 'error') || b.count - a.count,
    );
}
