import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '#server/db/connect.ts';

// A read for other modules (added for 兜底保障 linkage, social-assistance): the department records of given items
// about the active members of given households, matched through the person's ID hash as the engine matches them.

export interface MemberFeedRecord {
  personId: number;
  householdId: number;
  source: string;
  item: string;
  occurredOn: string;
  amountFen: number | null;
}

export async function feedRecordsOfHouseholds(
  db: Db,
  householdIds: readonly number[],
  items: readonly { source: string; item: string }[],
): Promise<MemberFeedRecord[]> {
  if (householdIds.length === 0 || items.length === 0) return [];
  const ids = sql.join(
    householdIds.map((id) => sql`${id}`),
    sql`, `,
  );
  const wanted = sql.join(
    items.map((i) => sql`(fr.source = ${i.source} AND fr.item = ${i.item})`),
    sql` OR `,
  );
  const rows = await queryRows<{
    person_id: number;
    household_id: number;
    source: string;
    item: string;
    occurred_on: string;
    amount_fen: number | null;
  }>(
    db,
    sql`SELECT p.id AS person_id, m.household_id, fr.source, fr.item, fr.occurred_on::text AS occurred_on, fr.amount_fen
      FROM membership m JOIN person p ON p.id = m.person_id AND p.county_code = m.county_code
      JOIN feed_record fr ON fr.county_code = p.county_code AND fr.id_hash = p.id_hash
      WHERE m.valid_to IS NULL AND m.household_id IN (${ids}) AND (${wanted})
      ORDER BY fr.occurred_on, fr.id`,
  );
  return rows.map((r) => ({
    personId: Number(r.person_id),
    householdId: Number(r.household_id),
    source: r.source,
    item: r.item,
    occurredOn: r.occurred_on,
    amountFen: r.amount_fen === null ? null : Number(r.amount_fen),
  }));
}
