CREATE TABLE "assistance_measure" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"county_code" varchar(12) NOT NULL,
	"household_id" bigint NOT NULL,
	"village_code" varchar(15) NOT NULL,
	"risk_type" varchar(30) NOT NULL,
	"category" varchar(30) NOT NULL,
	"sub_type" varchar(60),
	"department" text,
	"start_on" date NOT NULL,
	"end_on" date,
	"amount_fen" bigint DEFAULT 0 NOT NULL,
	"status" text DEFAULT 'ongoing' NOT NULL,
	"evidence" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"note" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" bigint,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "assistance_measure_household_idx" ON "assistance_measure" USING btree ("county_code","household_id","risk_type");--> statement-breakpoint
CREATE INDEX "assistance_measure_village_idx" ON "assistance_measure" USING btree ("village_code" text_pattern_ops);