CREATE TABLE "insurance_claim" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"county_code" varchar(12) NOT NULL,
	"org_code" varchar(15) NOT NULL,
	"policy_id" bigint NOT NULL,
	"household_id" bigint NOT NULL,
	"cause" text NOT NULL,
	"claimed_on" date NOT NULL,
	"amount_fen" bigint NOT NULL,
	"status" text DEFAULT 'filed' NOT NULL,
	"paid_on" date,
	"note" text,
	"created_by" bigint,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "insurance_claim_positive" CHECK ("insurance_claim"."amount_fen" > 0)
);
--> statement-breakpoint
CREATE TABLE "insurance_policy" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"county_code" varchar(12) NOT NULL,
	"org_code" varchar(15) NOT NULL,
	"household_id" bigint NOT NULL,
	"year" smallint NOT NULL,
	"insurer" text NOT NULL,
	"premium_fen" bigint DEFAULT 0 NOT NULL,
	"created_by" bigint,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "micro_loan_event" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"county_code" varchar(12) NOT NULL,
	"org_code" varchar(15) NOT NULL,
	"loan_id" bigint NOT NULL,
	"kind" text NOT NULL,
	"on" date NOT NULL,
	"amount_fen" bigint NOT NULL,
	"note" text,
	"created_by" bigint,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "micro_loan_event_positive" CHECK ("micro_loan_event"."amount_fen" > 0)
);
--> statement-breakpoint
CREATE TABLE "micro_loan" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"county_code" varchar(12) NOT NULL,
	"org_code" varchar(15) NOT NULL,
	"household_id" bigint NOT NULL,
	"borrower_person_id" bigint,
	"bank" text NOT NULL,
	"purpose" text NOT NULL,
	"amount_fen" bigint NOT NULL,
	"term_months" smallint NOT NULL,
	"rate_bp" integer NOT NULL,
	"issued_on" date NOT NULL,
	"due_on" date NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"renewal_kind" text,
	"renewed_from_id" bigint,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" bigint,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "micro_loan_values" CHECK ("micro_loan"."amount_fen" > 0 AND "micro_loan"."term_months" > 0 AND "micro_loan"."rate_bp" >= 0)
);
--> statement-breakpoint
CREATE TABLE "welfare_post_hire" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"county_code" varchar(12) NOT NULL,
	"org_code" varchar(15) NOT NULL,
	"post_id" bigint NOT NULL,
	"household_id" bigint NOT NULL,
	"person_id" bigint NOT NULL,
	"hired_on" date NOT NULL,
	"cadre_family" boolean DEFAULT false NOT NULL,
	"exited_on" date,
	"exit_reason" text,
	"exit_note" text,
	"created_by" bigint,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "welfare_post_month" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"county_code" varchar(12) NOT NULL,
	"org_code" varchar(15) NOT NULL,
	"hire_id" bigint NOT NULL,
	"period" char(7) NOT NULL,
	"days_worked" smallint NOT NULL,
	"subsidy_fen" bigint NOT NULL,
	"paid_on" date,
	"created_by" bigint,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "welfare_post_month_values" CHECK ("welfare_post_month"."days_worked" >= 0 AND "welfare_post_month"."subsidy_fen" >= 0)
);
--> statement-breakpoint
CREATE TABLE "welfare_post" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"county_code" varchar(12) NOT NULL,
	"org_code" varchar(15) NOT NULL,
	"name" text NOT NULL,
	"post_type" text NOT NULL,
	"funding" text NOT NULL,
	"asset_id" bigint,
	"monthly_subsidy_fen" bigint NOT NULL,
	"slots" smallint DEFAULT 1 NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"created_by" bigint,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "welfare_post_subsidy_nonneg" CHECK ("welfare_post"."monthly_subsidy_fen" >= 0 AND "welfare_post"."slots" > 0)
);
--> statement-breakpoint
ALTER TABLE "insurance_claim" ADD CONSTRAINT "insurance_claim_policy_id_insurance_policy_id_fk" FOREIGN KEY ("policy_id") REFERENCES "public"."insurance_policy"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "micro_loan_event" ADD CONSTRAINT "micro_loan_event_loan_id_micro_loan_id_fk" FOREIGN KEY ("loan_id") REFERENCES "public"."micro_loan"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "welfare_post_hire" ADD CONSTRAINT "welfare_post_hire_post_id_welfare_post_id_fk" FOREIGN KEY ("post_id") REFERENCES "public"."welfare_post"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "welfare_post_month" ADD CONSTRAINT "welfare_post_month_hire_id_welfare_post_hire_id_fk" FOREIGN KEY ("hire_id") REFERENCES "public"."welfare_post_hire"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "insurance_claim_org_idx" ON "insurance_claim" USING btree ("org_code" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "insurance_claim_household_idx" ON "insurance_claim" USING btree ("household_id","status");--> statement-breakpoint
CREATE UNIQUE INDEX "insurance_policy_household_year_uq" ON "insurance_policy" USING btree ("household_id","year");--> statement-breakpoint
CREATE INDEX "insurance_policy_org_idx" ON "insurance_policy" USING btree ("org_code" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "micro_loan_event_loan_idx" ON "micro_loan_event" USING btree ("loan_id","id");--> statement-breakpoint
CREATE INDEX "micro_loan_org_idx" ON "micro_loan" USING btree ("org_code" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "micro_loan_household_idx" ON "micro_loan" USING btree ("household_id");--> statement-breakpoint
CREATE INDEX "welfare_post_hire_org_idx" ON "welfare_post_hire" USING btree ("org_code" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "welfare_post_hire_household_idx" ON "welfare_post_hire" USING btree ("household_id");--> statement-breakpoint
CREATE UNIQUE INDEX "welfare_post_hire_person_active_uq" ON "welfare_post_hire" USING btree ("county_code","person_id") WHERE exited_on IS NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "welfare_post_month_uq" ON "welfare_post_month" USING btree ("hire_id","period");--> statement-breakpoint
CREATE INDEX "welfare_post_org_idx" ON "welfare_post" USING btree ("org_code" text_pattern_ops);