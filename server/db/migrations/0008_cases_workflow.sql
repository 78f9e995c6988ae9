CREATE TABLE "case_step" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"county_code" varchar(12) NOT NULL,
	"case_id" bigint NOT NULL,
	"action" text NOT NULL,
	"from_stage" text,
	"to_stage" text NOT NULL,
	"actor_id" integer,
	"actor_name" text NOT NULL,
	"actor_role" text NOT NULL,
	"actor_org_code" varchar(15) NOT NULL,
	"note" text,
	"data" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "monitoring_case" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"county_code" varchar(12) NOT NULL,
	"village_code" varchar(15) NOT NULL,
	"household_id" bigint NOT NULL,
	"kind" text NOT NULL,
	"clue_id" bigint,
	"stage" text NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"monitoring_type" text,
	"risk_types" text[] DEFAULT '{}'::text[] NOT NULL,
	"elimination_mode" text,
	"natural_reason" text,
	"started_on" date NOT NULL,
	"notice_started_on" date,
	"notice_ends_on" date,
	"notice_ended_on" date,
	"decided_on" date,
	"announced_on" date,
	"finished_on" date,
	"data" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "case_step" ADD CONSTRAINT "case_step_case_id_monitoring_case_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."monitoring_case"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "case_step_case_idx" ON "case_step" USING btree ("case_id","id");--> statement-breakpoint
CREATE UNIQUE INDEX "case_one_active_per_clue_uq" ON "monitoring_case" USING btree ("clue_id") WHERE status = 'active' AND clue_id IS NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "case_one_active_elimination_uq" ON "monitoring_case" USING btree ("household_id") WHERE status = 'active' AND kind = 'elimination';--> statement-breakpoint
CREATE INDEX "case_village_idx" ON "monitoring_case" USING btree ("status","village_code" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "case_household_idx" ON "monitoring_case" USING btree ("household_id");