ALTER TABLE "monitor_run" ADD COLUMN "heartbeat_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "monitor_run" ADD COLUMN "error" text;--> statement-breakpoint
UPDATE "monitor_run" SET "status" = 'failed', "finished_at" = now(), "error" = 'abandoned: left running before the lease existed' WHERE "status" = 'running';--> statement-breakpoint
CREATE UNIQUE INDEX "monitor_run_running_uq" ON "monitor_run" USING btree ("county_code","period") WHERE "monitor_run"."kind" = 'monthly' AND "monitor_run"."status" = 'running';