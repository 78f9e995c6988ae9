CREATE TABLE "relocated_household" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"county_code" varchar(12) NOT NULL,
	"org_code" varchar(15) NOT NULL,
	"site_id" bigint NOT NULL,
	"household_id" bigint NOT NULL,
	"moved_on" date NOT NULL,
	"ended_on" date,
	"end_reason" text,
	"note" text,
	"created_by" bigint,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "relocation_site" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"county_code" varchar(12) NOT NULL,
	"org_code" varchar(15) NOT NULL,
	"name" text NOT NULL,
	"planned_households" integer NOT NULL,
	"planned_people" integer,
	"completed_on" date,
	"note" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" bigint,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "relocation_site_size_nonneg" CHECK ("relocation_site"."planned_households" >= 0 AND ("relocation_site"."planned_people" IS NULL OR "relocation_site"."planned_people" >= 0))
);
--> statement-breakpoint
ALTER TABLE "relocated_household" ADD CONSTRAINT "relocated_household_site_id_relocation_site_id_fk" FOREIGN KEY ("site_id") REFERENCES "public"."relocation_site"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "relocated_household_org_idx" ON "relocated_household" USING btree ("org_code" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "relocated_household_site_idx" ON "relocated_household" USING btree ("site_id");--> statement-breakpoint
CREATE UNIQUE INDEX "relocated_household_active_uq" ON "relocated_household" USING btree ("county_code","household_id") WHERE ended_on IS NULL;--> statement-breakpoint
CREATE INDEX "relocation_site_org_idx" ON "relocation_site" USING btree ("org_code" text_pattern_ops);--> statement-breakpoint
CREATE UNIQUE INDEX "relocation_site_name_uq" ON "relocation_site" USING btree ("county_code","name");