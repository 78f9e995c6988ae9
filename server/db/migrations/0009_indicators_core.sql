CREATE TABLE "indicator_approval" (
	"data_set" varchar(64) NOT NULL,
	"org_code" varchar(15) NOT NULL,
	"period" varchar(7) NOT NULL,
	"status" text NOT NULL,
	"history" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "indicator_approval_data_set_period_org_code_pk" PRIMARY KEY("data_set","period","org_code")
);
--> statement-breakpoint
CREATE TABLE "indicator_assessment_scheme" (
	"year" integer PRIMARY KEY NOT NULL,
	"items" jsonb NOT NULL,
	"updated_by" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "indicator_data_set" (
	"code" varchar(64) PRIMARY KEY NOT NULL,
	"name_zh" text NOT NULL,
	"name_en" text NOT NULL,
	"period_type" text NOT NULL,
	"entry_level" text NOT NULL,
	"elements" text[] NOT NULL,
	"open_days" integer
);
--> statement-breakpoint
CREATE TABLE "indicator_def" (
	"code" varchar(64) PRIMARY KEY NOT NULL,
	"name_zh" text NOT NULL,
	"name_en" text NOT NULL,
	"mode" text NOT NULL,
	"numerator" text NOT NULL,
	"denominator" text,
	"factor" double precision DEFAULT 1 NOT NULL,
	"unit_zh" text DEFAULT '' NOT NULL,
	"decimals" integer DEFAULT 1 NOT NULL,
	"period_type" text NOT NULL,
	"unit_level" text,
	"threshold" jsonb,
	"description_zh" text,
	"grammar" integer DEFAULT 1 NOT NULL,
	"updated_by" text DEFAULT '系统' NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "indicator_element" (
	"code" varchar(64) PRIMARY KEY NOT NULL,
	"name_zh" text NOT NULL,
	"name_en" text NOT NULL,
	"value_type" text NOT NULL,
	"aggregation" text NOT NULL,
	"entry_level" text NOT NULL,
	"computed" text,
	"unit_zh" text DEFAULT '' NOT NULL
);
--> statement-breakpoint
CREATE TABLE "indicator_org_group" (
	"group_code" varchar(64) NOT NULL,
	"org_code" varchar(15) NOT NULL,
	CONSTRAINT "indicator_org_group_group_code_org_code_pk" PRIMARY KEY("group_code","org_code")
);
--> statement-breakpoint
CREATE TABLE "indicator_rollup" (
	"ancestor_code" varchar(15) NOT NULL,
	"element" varchar(64) NOT NULL,
	"period" varchar(7) NOT NULL,
	"sum" double precision NOT NULL,
	"count" integer NOT NULL,
	CONSTRAINT "indicator_rollup_ancestor_code_element_period_pk" PRIMARY KEY("ancestor_code","element","period")
);
--> statement-breakpoint
CREATE TABLE "indicator_target" (
	"id" serial PRIMARY KEY NOT NULL,
	"indicator" varchar(64) NOT NULL,
	"scope_kind" text NOT NULL,
	"scope_code" varchar(64) NOT NULL,
	"from_year" integer NOT NULL,
	"to_year" integer NOT NULL,
	"op" text NOT NULL,
	"value" double precision,
	"upper" double precision,
	"band" double precision DEFAULT 0 NOT NULL,
	"baseline_year" integer,
	"reference" text,
	"source_doc" text NOT NULL,
	"source_text" text NOT NULL,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "indicator_target_years" CHECK ("indicator_target"."from_year" <= "indicator_target"."to_year")
);
--> statement-breakpoint
CREATE TABLE "indicator_validation_rule" (
	"code" varchar(64) PRIMARY KEY NOT NULL,
	"data_set" varchar(64) NOT NULL,
	"name_zh" text NOT NULL,
	"left_expr" text NOT NULL,
	"op" text NOT NULL,
	"right_expr" text NOT NULL,
	"importance" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "indicator_value_audit" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"element" varchar(64) NOT NULL,
	"org_code" varchar(15) NOT NULL,
	"period" varchar(7) NOT NULL,
	"action" text NOT NULL,
	"old_value" double precision,
	"new_value" double precision,
	"comment" text,
	"actor" text NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "indicator_value" (
	"element" varchar(64) NOT NULL,
	"org_code" varchar(15) NOT NULL,
	"period" varchar(7) NOT NULL,
	"value" double precision NOT NULL,
	"comment" text,
	"stored_by" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "indicator_value_element_period_org_code_pk" PRIMARY KEY("element","period","org_code")
);
--> statement-breakpoint
CREATE UNIQUE INDEX "indicator_target_uq" ON "indicator_target" USING btree ("indicator","scope_kind","scope_code","from_year");--> statement-breakpoint
CREATE INDEX "indicator_value_audit_cell_idx" ON "indicator_value_audit" USING btree ("element","org_code","period");--> statement-breakpoint
CREATE INDEX "indicator_value_org_idx" ON "indicator_value" USING btree ("org_code" text_pattern_ops,"period");