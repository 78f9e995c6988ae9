CREATE TABLE "household_income" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"county_code" varchar(12) NOT NULL,
	"household_id" bigint NOT NULL,
	"year" smallint NOT NULL,
	"wage_income" bigint DEFAULT 0 NOT NULL,
	"business_income" bigint DEFAULT 0 NOT NULL,
	"property_income" bigint DEFAULT 0 NOT NULL,
	"transfer_income" bigint DEFAULT 0 NOT NULL,
	"business_cost" bigint DEFAULT 0 NOT NULL,
	"insurance_payout" bigint DEFAULT 0 NOT NULL,
	"eligible_out_of_pocket" bigint DEFAULT 0 NOT NULL,
	"household_size" smallint NOT NULL,
	"net_income" bigint GENERATED ALWAYS AS (wage_income + business_income + property_income + transfer_income - business_cost) STORED,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "household" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"county_code" varchar(12) NOT NULL,
	"household_no" varchar(40) NOT NULL,
	"village_code" varchar(15) NOT NULL,
	"kind" text NOT NULL,
	"alleviated_attribute" text,
	"monitoring_type" text,
	"identification_period" char(7),
	"risk_types" text[] DEFAULT '{}'::text[] NOT NULL,
	"elimination_period" char(7),
	"elimination_mode" text,
	"monitoring_status" text GENERATED ALWAYS AS (CASE WHEN elimination_period IS NOT NULL THEN 'eliminated' WHEN monitoring_type IS NOT NULL THEN 'monitored' ELSE 'none' END) STORED,
	"whole_household_no_labour" boolean DEFAULT false NOT NULL,
	"phone_cipher" text,
	"address" text,
	"housing_grade" char(1),
	"water_safe" boolean,
	"school_dropout" boolean,
	"housing_unsafe" boolean,
	"medical_uninsured" boolean,
	"extra" jsonb,
	"closed_on" date,
	"closed_reason" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "membership" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"county_code" varchar(12) NOT NULL,
	"household_id" bigint NOT NULL,
	"person_id" bigint NOT NULL,
	"relationship" text NOT NULL,
	"valid_from" date NOT NULL,
	"valid_to" date,
	"end_reason" text
);
--> statement-breakpoint
CREATE TABLE "person" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"county_code" varchar(12) NOT NULL,
	"id_hash" char(64) NOT NULL,
	"id_cipher" text NOT NULL,
	"id_kind" text NOT NULL,
	"name" text NOT NULL,
	"sex" text,
	"birth_date" date,
	"ethnicity" text,
	"political_status" text,
	"education" text,
	"schooling" text,
	"health" text[] DEFAULT '{}'::text[] NOT NULL,
	"disability_category" text,
	"disability_grade" text,
	"labour_skill" text NOT NULL,
	"work_months" smallint,
	"work_place" text,
	"public_welfare_post" boolean DEFAULT false NOT NULL,
	"resident_medical_insurance" boolean DEFAULT false NOT NULL,
	"employee_medical_insurance" boolean DEFAULT false NOT NULL,
	"minimum_living" boolean DEFAULT false NOT NULL,
	"destitute_support" boolean DEFAULT false NOT NULL,
	"phone_cipher" text,
	"extra" jsonb,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "registry_change" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"county_code" varchar(12) NOT NULL,
	"household_id" bigint NOT NULL,
	"village_code" varchar(15) NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"actor_id" integer,
	"actor_name" text,
	"action" varchar(40) NOT NULL,
	"reason" text NOT NULL,
	"before" jsonb,
	"after" jsonb,
	"review_status" text DEFAULT 'none' NOT NULL,
	"reviewed_by" text,
	"reviewed_at" timestamp with time zone,
	"review_note" text
);
--> statement-breakpoint
CREATE TABLE "job" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"kind" varchar(40) NOT NULL,
	"status" text NOT NULL,
	"message" text,
	"done" integer DEFAULT 0 NOT NULL,
	"total" integer,
	"result" jsonb,
	"error" jsonb,
	"actor_id" integer,
	"org_code" varchar(15) NOT NULL,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "household_income" ADD CONSTRAINT "household_income_household_id_household_id_fk" FOREIGN KEY ("household_id") REFERENCES "public"."household"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "membership" ADD CONSTRAINT "membership_household_id_household_id_fk" FOREIGN KEY ("household_id") REFERENCES "public"."household"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "membership" ADD CONSTRAINT "membership_person_id_person_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."person"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "household_income_year_uq" ON "household_income" USING btree ("household_id","year");--> statement-breakpoint
CREATE UNIQUE INDEX "household_no_uq" ON "household" USING btree ("county_code","household_no");--> statement-breakpoint
CREATE INDEX "household_village_idx" ON "household" USING btree ("village_code" text_pattern_ops,"id");--> statement-breakpoint
CREATE INDEX "household_status_idx" ON "household" USING btree ("county_code","monitoring_status");--> statement-breakpoint
CREATE UNIQUE INDEX "membership_one_active_uq" ON "membership" USING btree ("county_code","person_id") WHERE valid_to IS NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "membership_one_head_uq" ON "membership" USING btree ("household_id") WHERE valid_to IS NULL AND relationship = 'head';--> statement-breakpoint
CREATE INDEX "membership_household_idx" ON "membership" USING btree ("household_id","valid_to");--> statement-breakpoint
CREATE INDEX "membership_person_idx" ON "membership" USING btree ("person_id");--> statement-breakpoint
CREATE UNIQUE INDEX "person_id_hash_uq" ON "person" USING btree ("county_code","id_hash");--> statement-breakpoint
CREATE INDEX "person_name_idx" ON "person" USING btree ("name" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "registry_change_household_idx" ON "registry_change" USING btree ("household_id","id");--> statement-breakpoint
CREATE INDEX "registry_change_review_idx" ON "registry_change" USING btree ("review_status","village_code" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "job_kind_idx" ON "job" USING btree ("kind","id");