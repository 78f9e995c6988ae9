import { describe, expect, it } from 'vitest';
import { diffAuditSnapshots } from './auditDiff.ts';

describe('audit snapshot diff', () => {
  it('puts changed fields first and keeps unchanged ones', () => {
    const rows = diffAuditSnapshots(
      { displayName: '张三', role: 'villageOfficer', active: true },
      { displayName: '张三', role: 'townshipStaff', active: false },
    );
    expect(rows.map((row) => [row.field, row.changed])).toEqual([
      ['role', true],
      ['active', true],
      ['displayName', false],
    ]);
    expect(rows[1]).toMatchObject({ before: 'true', after: 'false' });
  });

  it('treats a creation (no before) as every field changed', () => {
    expect(diffAuditSnapshots(null, { units: 240 })).toEqual([
      { field: 'units', before: '', after: '240', changed: true },
    ]);
  });

  it('shows nested values as JSON and wraps scalars', () => {
    expect(diffAuditSnapshots({ scope: { codes: ['1'] } }, 5)).toEqual([
      { field: 'scope', before: '{\n "codes": [\n  "1"\n ]\n}', after: '', changed: true },
      { field: 'value', before: '', after: '5', changed: true },
    ]);
  });
});
