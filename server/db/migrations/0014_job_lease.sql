ALTER TABLE "job" ADD COLUMN "heartbeat_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "job" ADD COLUMN "owner" text;--> statement-breakpoint
-- Rows from before the lease: their last sign of life is when they started (or ended); an old running job is dead once that is older than the lease.
UPDATE "job" SET "heartbeat_at" = coalesce("finished_at", "started_at");
