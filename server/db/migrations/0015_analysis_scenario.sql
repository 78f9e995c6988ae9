CREATE TABLE "analysis_scenario_hit" (
	"scenario_id" bigint NOT NULL,
	"side" text NOT NULL,
	"county_code" varchar(12) NOT NULL,
	"village_code" varchar(15) NOT NULL,
	"household_id" bigint NOT NULL,
	"rule_code" text NOT NULL,
	"evidence" jsonb DEFAULT '{}'::jsonb NOT NULL,
	CONSTRAINT "analysis_scenario_hit_scenario_id_household_id_rule_code_side_pk" PRIMARY KEY("scenario_id","household_id","rule_code","side")
);
--> statement-breakpoint
CREATE TABLE "analysis_scenario" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"county_code" varchar(12) NOT NULL,
	"org_code" varchar(15) NOT NULL,
	"name" text NOT NULL,
	"author_id" integer,
	"author" text NOT NULL,
	"period" char(7) NOT NULL,
	"params" jsonb NOT NULL,
	"baseline" jsonb,
	"status" text NOT NULL,
	"job_id" bigint,
	"result" jsonb,
	"error" jsonb,
	"duration_ms" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "analysis_scenario_hit" ADD CONSTRAINT "analysis_scenario_hit_scenario_id_analysis_scenario_id_fk" FOREIGN KEY ("scenario_id") REFERENCES "public"."analysis_scenario"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "analysis_scenario_hit_village_idx" ON "analysis_scenario_hit" USING btree ("scenario_id","village_code");--> statement-breakpoint
CREATE INDEX "analysis_scenario_county_idx" ON "analysis_scenario" USING btree ("county_code","id");