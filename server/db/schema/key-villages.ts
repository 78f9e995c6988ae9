import { sql } from 'drizzle-orm';
import {
  bigint,
  bigserial,
  check,
  date,
  doublePrecision,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  varchar,
} from 'drizzle-orm/pg-core';

// 重点帮扶村 and 示范村 (沁发〔2021〕17号 §二(二)2): the county's hand scores of a village for a year (区位条件, 公共服务,
// 基础设施, 资源禀赋; 0–100, higher = better; the other two factors are counted from the registry and the collective
// income), and the county's decisions (文号, date, the villages named), every decision kept. The decision in force
// (latest year, date, record) is what the indicators' groups KEY_VILLAGE / DEMO_VILLAGE and the resident teams'
// 重点帮扶村 flag follow.

/** The county's hand scores of one village for one year (a re-score updates the row; audited before/after). */
export const keyVillageScores = pgTable(
  'key_village_score',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    countyCode: varchar('county_code', { length: 12 }).notNull(),
    orgCode: varchar('org_code', { length: 15 }).notNull(),
    year: integer('year').notNull(),
    location: doublePrecision('location'),
    publicService: doublePrecision('public_service'),
    infrastructure: doublePrecision('infrastructure'),
    resources: doublePrecision('resources'),
    note: text('note'),
    updatedBy: bigint('updated_by', { mode: 'number' }),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('key_village_score_uq').on(t.orgCode, t.year),
    index('key_village_score_county_idx').on(t.countyCode, t.year),
    check(
      'key_village_score_range',
      sql`coalesce(${t.location}, 0) BETWEEN 0 AND 100 AND coalesce(${t.publicService}, 0) BETWEEN 0 AND 100
        AND coalesce(${t.infrastructure}, 0) BETWEEN 0 AND 100 AND coalesce(${t.resources}, 0) BETWEEN 0 AND 100`,
    ),
  ],
);

/** A county decision naming its 重点帮扶村 and 示范村 for a year. Never changed or deleted: a new decision supersedes. */
export const keyVillageDecisions = pgTable(
  'key_village_decision',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    countyCode: varchar('county_code', { length: 12 }).notNull(),
    year: integer('year').notNull(),
    /** 文号, e.g. 沁政发〔2026〕3号. */
    docNo: text('doc_no').notNull(),
    decidedOn: date('decided_on', { mode: 'string' }).notNull(),
    note: text('note'),
    createdBy: bigint('created_by', { mode: 'number' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('key_village_decision_county_idx').on(t.countyCode, t.year)],
);

/** The villages a decision names, with the score and rank the sheet gave them when decided. */
export const keyVillageDecisionItems = pgTable(
  'key_village_decision_item',
  {
    decisionId: bigint('decision_id', { mode: 'number' })
      .notNull()
      .references(() => keyVillageDecisions.id),
    orgCode: varchar('org_code', { length: 15 }).notNull(),
    /** DECISION_KINDS: key (重点帮扶村) or demo (示范村). */
    kind: text('kind', { enum: ['key', 'demo'] }).notNull(),
    score: doublePrecision('score'),
    rank: integer('rank'),
  },
  (t) => [primaryKey({ columns: [t.decisionId, t.orgCode] })],
);
