CREATE TABLE "social_benefit" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"county_code" varchar(12) NOT NULL,
	"village_code" varchar(15) NOT NULL,
	"household_id" bigint NOT NULL,
	"person_id" bigint NOT NULL,
	"kind" text NOT NULL,
	"start_on" date NOT NULL,
	"end_on" date,
	"amount_fen" bigint,
	"department" text,
	"note" text,
	"end_reason" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" bigint,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "social_benefit_amount_nonneg" CHECK ("social_benefit"."amount_fen" IS NULL OR "social_benefit"."amount_fen" >= 0),
	CONSTRAINT "social_benefit_dates" CHECK ("social_benefit"."end_on" IS NULL OR "social_benefit"."end_on" >= "social_benefit"."start_on")
);
--> statement-breakpoint
CREATE INDEX "social_benefit_village_idx" ON "social_benefit" USING btree ("village_code" text_pattern_ops,"id");--> statement-breakpoint
CREATE INDEX "social_benefit_household_idx" ON "social_benefit" USING btree ("household_id");