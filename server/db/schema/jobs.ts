import { bigserial, index, integer, jsonb, pgTable, text, timestamp, varchar } from 'drizzle-orm/pg-core';

/** Long work (imports, monitoring runs, exports) as a job whose progress the UI polls (architecture rule 9). */
export const jobs = pgTable(
  'job',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    kind: varchar('kind', { length: 40 }).notNull(),
    status: text('status', { enum: ['running', 'succeeded', 'failed'] }).notNull(),
    /** What a person reads: "校验第 3 万行…". */
    message: text('message'),
    done: integer('done').notNull().default(0),
    total: integer('total'),
    result: jsonb('result'),
    error: jsonb('error'),
    actorId: integer('actor_id'),
    orgCode: varchar('org_code', { length: 15 }).notNull(),
    startedAt: timestamp('started_at', { withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
    /** Lease: renewed while the job runs; a running job not renewed within GUARDLINE_RUN_LEASE_SECONDS is dead. */
    heartbeatAt: timestamp('heartbeat_at', { withTimezone: true }).notNull().defaultNow(),
    /** The process working on it, `host:pid` (a dead pid on this host needs no lease to expire). */
    owner: text('owner'),
  },
  (t) => [index('job_kind_idx').on(t.kind, t.id)],
);
