CREATE TABLE "points_award" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"county_code" varchar(12) NOT NULL,
	"org_code" varchar(15) NOT NULL,
	"household_id" bigint NOT NULL,
	"rule_id" bigint NOT NULL,
	"points" integer NOT NULL,
	"awarded_on" date NOT NULL,
	"reason" text NOT NULL,
	"awarded_by" text,
	"created_by" bigint,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "points_redemption" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"county_code" varchar(12) NOT NULL,
	"org_code" varchar(15) NOT NULL,
	"household_id" bigint NOT NULL,
	"goods" text NOT NULL,
	"quantity" integer DEFAULT 1 NOT NULL,
	"points" integer NOT NULL,
	"redeemed_on" date NOT NULL,
	"note" text,
	"recorded_by" text,
	"created_by" bigint,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "points_redemption_positive" CHECK ("points_redemption"."points" > 0 AND "points_redemption"."quantity" > 0)
);
--> statement-breakpoint
CREATE TABLE "points_rule" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"county_code" varchar(12) NOT NULL,
	"org_code" varchar(15) NOT NULL,
	"deliberation_id" bigint NOT NULL,
	"name" text NOT NULL,
	"category" text NOT NULL,
	"points" integer NOT NULL,
	"note" text,
	"active" boolean DEFAULT true NOT NULL,
	"created_by" bigint,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "points_rule_nonzero" CHECK ("points_rule"."points" <> 0)
);
--> statement-breakpoint
ALTER TABLE "points_award" ADD CONSTRAINT "points_award_rule_id_points_rule_id_fk" FOREIGN KEY ("rule_id") REFERENCES "public"."points_rule"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "points_award_org_idx" ON "points_award" USING btree ("org_code" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "points_award_household_idx" ON "points_award" USING btree ("household_id");--> statement-breakpoint
CREATE INDEX "points_redemption_org_idx" ON "points_redemption" USING btree ("org_code" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "points_redemption_household_idx" ON "points_redemption" USING btree ("household_id");--> statement-breakpoint
CREATE INDEX "points_rule_org_idx" ON "points_rule" USING btree ("org_code" text_pattern_ops);