import { boolean, index, integer, pgTable, serial, text, timestamp, varchar } from 'drizzle-orm/pg-core';
import { ROLES } from '#common/domain/roles.ts';

export const users = pgTable('app_user', {
  id: serial('id').primaryKey(),
  username: varchar('username', { length: 32 }).notNull().unique(),
  displayName: text('display_name').notNull(),
  role: text('role', { enum: ROLES }).notNull(),
  orgCode: varchar('org_code', { length: 15 }).notNull(),
  /** For line-department users: the one data source (医保, 教育 …) they may push and read. */
  feedSource: varchar('feed_source', { length: 20 }),
  /** Stored encrypted; the list shows a masked form. */
  phoneCipher: text('phone_cipher'),
  passwordHash: text('password_hash').notNull(),
  mustChangePassword: boolean('must_change_password').notNull().default(false),
  active: boolean('active').notNull().default(true),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

export const sessions = pgTable(
  'app_session',
  {
    /** SHA-256 of the cookie token: a leaked table cannot be replayed. */
    tokenHash: varchar('token_hash', { length: 64 }).primaryKey(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('app_session_user_idx').on(t.userId)],
);
