CREATE TABLE "policy_param" (
	"id" serial PRIMARY KEY NOT NULL,
	"key" varchar(60) NOT NULL,
	"scope_code" varchar(12) NOT NULL,
	"year" smallint,
	"effective_from" date NOT NULL,
	"value" jsonb NOT NULL,
	"source" text NOT NULL,
	"note" text,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "feed_batch" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"county_code" varchar(12) NOT NULL,
	"source" varchar(20) NOT NULL,
	"file_name" text NOT NULL,
	"content_hash" char(64) NOT NULL,
	"record_count" integer NOT NULL,
	"new_count" integer NOT NULL,
	"matched_count" integer NOT NULL,
	"unmatched_count" integer NOT NULL,
	"uploaded_by_id" integer,
	"uploaded_by_name" text,
	"org_code" varchar(15) NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "feed_record" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"county_code" varchar(12) NOT NULL,
	"batch_id" bigint NOT NULL,
	"source" varchar(20) NOT NULL,
	"item" varchar(40) NOT NULL,
	"id_hash" char(64) NOT NULL,
	"id_cipher" text NOT NULL,
	"name" text NOT NULL,
	"occurred_on" date NOT NULL,
	"amount_fen" bigint,
	"note" text,
	"attrs" jsonb,
	"record_key" char(64) NOT NULL
);
--> statement-breakpoint
CREATE TABLE "clue_signal" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"county_code" varchar(12) NOT NULL,
	"clue_id" bigint NOT NULL,
	"channel" text NOT NULL,
	"source" text NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"evidence" jsonb NOT NULL,
	"warning_id" bigint,
	"created_by" text
);
--> statement-breakpoint
CREATE TABLE "clue" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"county_code" varchar(12) NOT NULL,
	"household_id" bigint,
	"village_code" varchar(15) NOT NULL,
	"channel" text NOT NULL,
	"risk_type" varchar(30) NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"summary" text NOT NULL,
	"consent" jsonb,
	"opened_at" timestamp with time zone DEFAULT now() NOT NULL,
	"closed_at" timestamp with time zone,
	"close_reason" text
);
--> statement-breakpoint
CREATE TABLE "monitor_run" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"county_code" varchar(12) NOT NULL,
	"period" char(7) NOT NULL,
	"kind" text NOT NULL,
	"status" text NOT NULL,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone,
	"duration_ms" integer,
	"households_evaluated" integer,
	"warning_count" integer,
	"counts" jsonb,
	"params" jsonb,
	"job_id" bigint,
	"triggered_by" text
);
--> statement-breakpoint
CREATE TABLE "visit" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"county_code" varchar(12) NOT NULL,
	"household_id" bigint NOT NULL,
	"village_code" varchar(15) NOT NULL,
	"visited_on" date NOT NULL,
	"visitor_id" integer,
	"visitor_name" text NOT NULL,
	"findings" text NOT NULL,
	"risk_found" boolean DEFAULT false NOT NULL,
	"risk_types" text[] DEFAULT '{}'::text[] NOT NULL,
	"photos" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "warning" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"county_code" varchar(12) NOT NULL,
	"period" char(7) NOT NULL,
	"run_id" bigint NOT NULL,
	"household_id" bigint NOT NULL,
	"village_code" varchar(15) NOT NULL,
	"rule_code" varchar(40) NOT NULL,
	"risk_type" varchar(30),
	"evidence" jsonb NOT NULL,
	"status" text DEFAULT 'new' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "feed_record" ADD CONSTRAINT "feed_record_batch_id_feed_batch_id_fk" FOREIGN KEY ("batch_id") REFERENCES "public"."feed_batch"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "clue_signal" ADD CONSTRAINT "clue_signal_clue_id_clue_id_fk" FOREIGN KEY ("clue_id") REFERENCES "public"."clue"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "policy_param_version_uq" ON "policy_param" USING btree ("key","scope_code",coalesce("year", 0),"effective_from");--> statement-breakpoint
CREATE INDEX "policy_param_key_idx" ON "policy_param" USING btree ("key");--> statement-breakpoint
CREATE UNIQUE INDEX "feed_batch_content_uq" ON "feed_batch" USING btree ("county_code","source","content_hash");--> statement-breakpoint
CREATE UNIQUE INDEX "feed_record_key_uq" ON "feed_record" USING btree ("county_code","record_key");--> statement-breakpoint
CREATE INDEX "feed_record_person_idx" ON "feed_record" USING btree ("county_code","id_hash","source","item","occurred_on");--> statement-breakpoint
CREATE INDEX "feed_record_batch_idx" ON "feed_record" USING btree ("batch_id");--> statement-breakpoint
CREATE INDEX "clue_signal_clue_idx" ON "clue_signal" USING btree ("clue_id");--> statement-breakpoint
CREATE UNIQUE INDEX "clue_one_open_uq" ON "clue" USING btree ("county_code","household_id","risk_type") WHERE status = 'open' AND household_id IS NOT NULL;--> statement-breakpoint
CREATE INDEX "clue_village_idx" ON "clue" USING btree ("status","village_code" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "monitor_run_period_idx" ON "monitor_run" USING btree ("county_code","period","id");--> statement-breakpoint
CREATE INDEX "visit_household_idx" ON "visit" USING btree ("household_id","visited_on");--> statement-breakpoint
CREATE UNIQUE INDEX "warning_period_uq" ON "warning" USING btree ("county_code","period","household_id","rule_code");--> statement-breakpoint
CREATE INDEX "warning_village_idx" ON "warning" USING btree ("period","village_code" text_pattern_ops);