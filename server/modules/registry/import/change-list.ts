import { sql } from 'drizzle-orm';
import type { ImportChangeRow } from '#common/contracts/registry-transfer.ts';
import { queryRows, type Db } from '#server/db/connect.ts';
import type { StageTables } from './staging.ts';

// The households an import creates or changes, for the dry run's list: household number, the head's
// name masked (张**), and what changes in words. Read from the classified staging table.

/** The report lists this many households; created + updated count them all. */
export const MAX_LISTED_CHANGES = 1000;

/** `张**`: the surname stays, the given name is hidden. */
export function maskName(name: string): string {
  const chars = [...name.trim()];
  return chars.length <= 1 ? chars.join('') : chars[0] + '*'.repeat(chars.length - 1);
}

export async function listChanges(db: Db, t: StageTables): Promise<ImportChangeRow[]> {
  const rows = await queryRows<{
    household_no: string;
    head_name: string | null;
    status: 'create' | 'update';
    fields_changed: boolean | null;
    income_changed: boolean | null;
    members_added: number | null;
    members_ended: number | null;
    persons_updated: number | null;
    member_count: number | null;
  }>(
    db,
    sql`SELECT household_no, head_name, status, fields_changed, income_changed, members_added, members_ended,
        persons_updated, member_count
      FROM ${t.households} WHERE status IN ('create', 'update') ORDER BY household_no LIMIT ${MAX_LISTED_CHANGES}`,
  );
  return rows.map((r) => {
    const changes: string[] = [];
    if (r.status === 'create') changes.push(`新建户${r.member_count ? `（${r.member_count} 人）` : ''}`);
    else {
      if (r.fields_changed) changes.push('户信息');
      if (r.income_changed) changes.push('收入');
      if (r.members_added) changes.push(`新增成员 ${r.members_added} 人`);
      if (r.members_ended) changes.push(`减少成员 ${r.members_ended} 人`);
      if (r.persons_updated) changes.push(`成员信息变更 ${r.persons_updated} 人`);
    }
    return { householdNo: r.household_no, headName: maskName(r.head_name ?? ''), action: r.status, changes };
  });
}
