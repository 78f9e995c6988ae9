import { bigint, bigserial, char, index, integer, pgTable, text, timestamp, varchar } from 'drizzle-orm/pg-core';

// Files attached to records (photos and scans of signed forms, meeting records, visit photos, project
// documents). The bytes live on disk under DATA_DIR/attachments/<sha256> (identical files stored once);
// this row says whose they are and who may see them (org_code, scoped by prefix like every record).

export const attachments = pgTable(
  'attachment',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    countyCode: varchar('county_code', { length: 12 }).notNull(),
    /** The owner's org unit (village/township/county): readers must have it in scope. */
    orgCode: varchar('org_code', { length: 15 }).notNull(),
    /** caseStep | visit | project | asset | … ; owner_id is null until the owner record is saved. */
    ownerKind: text('owner_kind').notNull(),
    ownerId: bigint('owner_id', { mode: 'number' }),
    fileName: text('file_name').notNull(),
    mime: text('mime').notNull(),
    sizeBytes: integer('size_bytes').notNull(),
    sha256: char('sha256', { length: 64 }).notNull(),
    uploadedBy: integer('uploaded_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('attachment_owner_idx').on(t.ownerKind, t.ownerId)],
);
