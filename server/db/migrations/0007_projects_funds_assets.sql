CREATE TABLE "deliberation_step" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"deliberation_id" bigint NOT NULL,
	"seq" integer NOT NULL,
	"step" text NOT NULL,
	"held_on" date NOT NULL,
	"content" text NOT NULL,
	"expected" integer,
	"present" integer,
	"votes_for" integer,
	"votes_against" integer,
	"meeting_kind" text,
	"origin" text,
	"merged" boolean,
	"township_attendee" text,
	"passed" boolean NOT NULL,
	"recorded_by" bigint,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "deliberation" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"county_code" varchar(12) NOT NULL,
	"village_code" varchar(15) NOT NULL,
	"subject" text NOT NULL,
	"purpose" text NOT NULL,
	"status" text DEFAULT 'inProgress' NOT NULL,
	"one_shoulder" boolean DEFAULT false NOT NULL,
	"created_by" bigint,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "project_event" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"project_id" bigint NOT NULL,
	"action" text NOT NULL,
	"from_stage" text,
	"to_stage" text,
	"reason" text,
	"changes" jsonb,
	"actor_id" bigint,
	"actor_name" text NOT NULL,
	"actor_role" text NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"on" date NOT NULL
);
--> statement-breakpoint
CREATE TABLE "project" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"county_code" varchar(12) NOT NULL,
	"org_code" varchar(15) NOT NULL,
	"name" text NOT NULL,
	"type" text NOT NULL,
	"sub_type" text,
	"year" smallint NOT NULL,
	"budget_central_fen" bigint DEFAULT 0 NOT NULL,
	"budget_provincial_fen" bigint DEFAULT 0 NOT NULL,
	"budget_city_fen" bigint DEFAULT 0 NOT NULL,
	"budget_county_fen" bigint DEFAULT 0 NOT NULL,
	"beneficiary_households" integer DEFAULT 0 NOT NULL,
	"beneficiary_alleviated" integer DEFAULT 0 NOT NULL,
	"beneficiary_villages" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"farmer_linkage" text DEFAULT '' NOT NULL,
	"performance_targets" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"work_for_relief" boolean DEFAULT false NOT NULL,
	"labour_remuneration_fen" bigint DEFAULT 0 NOT NULL,
	"entry_stage" text DEFAULT 'declaration' NOT NULL,
	"notice_started_on" date,
	"status" text DEFAULT 'reserve' NOT NULL,
	"deliberation_id" bigint,
	"declared_on" date,
	"admitted_on" date,
	"completed_on" date,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" bigint,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "project_budget_nonneg" CHECK ("project"."budget_central_fen" >= 0 AND "project"."budget_provincial_fen" >= 0 AND "project"."budget_city_fen" >= 0 AND "project"."budget_county_fen" >= 0 AND "project"."labour_remuneration_fen" >= 0)
);
--> statement-breakpoint
CREATE TABLE "fund_allocation" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"county_code" varchar(12) NOT NULL,
	"year" smallint NOT NULL,
	"source" text NOT NULL,
	"doc_no" text NOT NULL,
	"received_on" date NOT NULL,
	"amount_fen" bigint NOT NULL,
	"assigned_fen" bigint DEFAULT 0 NOT NULL,
	"note" text,
	"created_by" bigint,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "fund_allocation_balance" CHECK ("fund_allocation"."amount_fen" > 0 AND "fund_allocation"."assigned_fen" >= 0 AND "fund_allocation"."assigned_fen" <= "fund_allocation"."amount_fen")
);
--> statement-breakpoint
CREATE TABLE "fund_assignment" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"allocation_id" bigint NOT NULL,
	"project_id" bigint NOT NULL,
	"amount_fen" bigint NOT NULL,
	"disbursed_fen" bigint DEFAULT 0 NOT NULL,
	"created_by" bigint,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "fund_assignment_balance" CHECK ("fund_assignment"."amount_fen" > 0 AND "fund_assignment"."disbursed_fen" >= 0 AND "fund_assignment"."disbursed_fen" <= "fund_assignment"."amount_fen")
);
--> statement-breakpoint
CREATE TABLE "fund_disbursement" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"assignment_id" bigint NOT NULL,
	"amount_fen" bigint NOT NULL,
	"paid_on" date NOT NULL,
	"voucher_no" text NOT NULL,
	"payee" text,
	"labour" boolean DEFAULT false NOT NULL,
	"note" text,
	"created_by" bigint,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "fund_disbursement_positive" CHECK ("fund_disbursement"."amount_fen" > 0)
);
--> statement-breakpoint
CREATE TABLE "asset_income" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"asset_id" bigint NOT NULL,
	"year" smallint NOT NULL,
	"received_on" date NOT NULL,
	"amount_fen" bigint NOT NULL,
	"distribution" jsonb NOT NULL,
	"deliberation_id" bigint NOT NULL,
	"note" text,
	"created_by" bigint,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "asset_income_positive" CHECK ("asset_income"."amount_fen" > 0)
);
--> statement-breakpoint
CREATE TABLE "asset" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"county_code" varchar(12) NOT NULL,
	"code" varchar(40) NOT NULL,
	"name" text NOT NULL,
	"category" text NOT NULL,
	"project_id" bigint,
	"origin_year" smallint NOT NULL,
	"fund_sources" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"original_value_fen" bigint NOT NULL,
	"book_value_fen" bigint NOT NULL,
	"org_code" varchar(15) NOT NULL,
	"location" text,
	"quantity" numeric(14, 2) DEFAULT 1 NOT NULL,
	"unit" text DEFAULT '项' NOT NULL,
	"owner_level" text NOT NULL,
	"owner_name" text NOT NULL,
	"operator" text,
	"custodian" text,
	"custodian_person" text,
	"beneficiaries" text,
	"photovoltaic" boolean DEFAULT false NOT NULL,
	"status" text DEFAULT 'inUse' NOT NULL,
	"disposal_reason" text,
	"disposed_on" date,
	"disposal_proceeds_fen" bigint,
	"disposal_note" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" bigint,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "asset_values_nonneg" CHECK ("asset"."original_value_fen" >= 0 AND "asset"."book_value_fen" >= 0)
);
--> statement-breakpoint
ALTER TABLE "deliberation_step" ADD CONSTRAINT "deliberation_step_deliberation_id_deliberation_id_fk" FOREIGN KEY ("deliberation_id") REFERENCES "public"."deliberation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_event" ADD CONSTRAINT "project_event_project_id_project_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."project"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fund_assignment" ADD CONSTRAINT "fund_assignment_allocation_id_fund_allocation_id_fk" FOREIGN KEY ("allocation_id") REFERENCES "public"."fund_allocation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fund_assignment" ADD CONSTRAINT "fund_assignment_project_id_project_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."project"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fund_disbursement" ADD CONSTRAINT "fund_disbursement_assignment_id_fund_assignment_id_fk" FOREIGN KEY ("assignment_id") REFERENCES "public"."fund_assignment"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "asset_income" ADD CONSTRAINT "asset_income_asset_id_asset_id_fk" FOREIGN KEY ("asset_id") REFERENCES "public"."asset"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "deliberation_step_seq_uq" ON "deliberation_step" USING btree ("deliberation_id","seq");--> statement-breakpoint
CREATE INDEX "deliberation_village_idx" ON "deliberation" USING btree ("village_code" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "project_event_project_idx" ON "project_event" USING btree ("project_id","id");--> statement-breakpoint
CREATE INDEX "project_org_idx" ON "project" USING btree ("org_code" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "project_year_idx" ON "project" USING btree ("county_code","year");--> statement-breakpoint
CREATE INDEX "fund_allocation_year_idx" ON "fund_allocation" USING btree ("county_code","year");--> statement-breakpoint
CREATE UNIQUE INDEX "fund_assignment_uq" ON "fund_assignment" USING btree ("allocation_id","project_id");--> statement-breakpoint
CREATE INDEX "fund_assignment_project_idx" ON "fund_assignment" USING btree ("project_id");--> statement-breakpoint
CREATE INDEX "fund_disbursement_assignment_idx" ON "fund_disbursement" USING btree ("assignment_id");--> statement-breakpoint
CREATE INDEX "asset_income_asset_idx" ON "asset_income" USING btree ("asset_id","id");--> statement-breakpoint
CREATE UNIQUE INDEX "asset_code_uq" ON "asset" USING btree ("county_code","code");--> statement-breakpoint
CREATE INDEX "asset_org_idx" ON "asset" USING btree ("org_code" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "asset_project_idx" ON "asset" USING btree ("project_id");