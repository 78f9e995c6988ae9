CREATE TABLE "employment_follow_up" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"county_code" varchar(12) NOT NULL,
	"village_code" varchar(15) NOT NULL,
	"employment_id" bigint NOT NULL,
	"on" date NOT NULL,
	"status" text NOT NULL,
	"note" text,
	"created_by" bigint,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "employment_record" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"county_code" varchar(12) NOT NULL,
	"village_code" varchar(15) NOT NULL,
	"household_id" bigint NOT NULL,
	"person_id" bigint NOT NULL,
	"place_kind" text NOT NULL,
	"place" text NOT NULL,
	"employer" text,
	"job" text,
	"start_on" date NOT NULL,
	"end_on" date,
	"monthly_income_fen" bigint DEFAULT 0 NOT NULL,
	"workshop_id" bigint,
	"source" text DEFAULT 'manual' NOT NULL,
	"note" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" bigint,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "employment_record_income_nonneg" CHECK ("employment_record"."monthly_income_fen" >= 0),
	CONSTRAINT "employment_record_dates" CHECK ("employment_record"."end_on" IS NULL OR "employment_record"."end_on" >= "employment_record"."start_on")
);
--> statement-breakpoint
CREATE TABLE "training_record" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"county_code" varchar(12) NOT NULL,
	"village_code" varchar(15) NOT NULL,
	"household_id" bigint NOT NULL,
	"person_id" bigint NOT NULL,
	"kind" text NOT NULL,
	"course" text NOT NULL,
	"provider" text,
	"start_on" date NOT NULL,
	"end_on" date NOT NULL,
	"certificate_kind" text,
	"certificate_no" text,
	"certified_on" date,
	"source" text DEFAULT 'manual' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" bigint,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "training_record_dates" CHECK ("training_record"."end_on" >= "training_record"."start_on")
);
--> statement-breakpoint
CREATE TABLE "employment_workshop" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"county_code" varchar(12) NOT NULL,
	"village_code" varchar(15) NOT NULL,
	"name" text NOT NULL,
	"operator" text NOT NULL,
	"recognised_on" date,
	"employees_total" integer DEFAULT 0 NOT NULL,
	"employees_assisted" integer DEFAULT 0 NOT NULL,
	"subsidy_fen" bigint,
	"subsidy_paid_on" date,
	"status" text DEFAULT 'active' NOT NULL,
	"note" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" bigint,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "employment_workshop_counts" CHECK ("employment_workshop"."employees_total" >= 0 AND "employment_workshop"."employees_assisted" >= 0 AND "employment_workshop"."employees_assisted" <= "employment_workshop"."employees_total"),
	CONSTRAINT "employment_workshop_subsidy_nonneg" CHECK ("employment_workshop"."subsidy_fen" IS NULL OR "employment_workshop"."subsidy_fen" >= 0)
);
--> statement-breakpoint
ALTER TABLE "employment_follow_up" ADD CONSTRAINT "employment_follow_up_employment_id_employment_record_id_fk" FOREIGN KEY ("employment_id") REFERENCES "public"."employment_record"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "employment_follow_up_record_idx" ON "employment_follow_up" USING btree ("employment_id","on");--> statement-breakpoint
CREATE INDEX "employment_record_village_idx" ON "employment_record" USING btree ("village_code" text_pattern_ops,"id");--> statement-breakpoint
CREATE INDEX "employment_record_person_idx" ON "employment_record" USING btree ("person_id","start_on");--> statement-breakpoint
CREATE INDEX "employment_record_household_idx" ON "employment_record" USING btree ("household_id");--> statement-breakpoint
CREATE INDEX "training_record_village_idx" ON "training_record" USING btree ("village_code" text_pattern_ops,"id");--> statement-breakpoint
CREATE INDEX "training_record_person_idx" ON "training_record" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "employment_workshop_village_idx" ON "employment_workshop" USING btree ("village_code" text_pattern_ops,"id");