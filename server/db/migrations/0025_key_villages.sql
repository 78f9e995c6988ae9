CREATE TABLE "key_village_decision_item" (
	"decision_id" bigint NOT NULL,
	"org_code" varchar(15) NOT NULL,
	"kind" text NOT NULL,
	"score" double precision,
	"rank" integer,
	CONSTRAINT "key_village_decision_item_decision_id_org_code_pk" PRIMARY KEY("decision_id","org_code")
);
--> statement-breakpoint
CREATE TABLE "key_village_decision" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"county_code" varchar(12) NOT NULL,
	"year" integer NOT NULL,
	"doc_no" text NOT NULL,
	"decided_on" date NOT NULL,
	"note" text,
	"created_by" bigint,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "key_village_score" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"county_code" varchar(12) NOT NULL,
	"org_code" varchar(15) NOT NULL,
	"year" integer NOT NULL,
	"location" double precision,
	"public_service" double precision,
	"infrastructure" double precision,
	"resources" double precision,
	"note" text,
	"updated_by" bigint,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "key_village_score_range" CHECK (coalesce("key_village_score"."location", 0) BETWEEN 0 AND 100 AND coalesce("key_village_score"."public_service", 0) BETWEEN 0 AND 100
        AND coalesce("key_village_score"."infrastructure", 0) BETWEEN 0 AND 100 AND coalesce("key_village_score"."resources", 0) BETWEEN 0 AND 100)
);
--> statement-breakpoint
ALTER TABLE "key_village_decision_item" ADD CONSTRAINT "key_village_decision_item_decision_id_key_village_decision_id_fk" FOREIGN KEY ("decision_id") REFERENCES "public"."key_village_decision"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "key_village_decision_county_idx" ON "key_village_decision" USING btree ("county_code","year");--> statement-breakpoint
CREATE UNIQUE INDEX "key_village_score_uq" ON "key_village_score" USING btree ("org_code","year");--> statement-breakpoint
CREATE INDEX "key_village_score_county_idx" ON "key_village_score" USING btree ("county_code","year");--> statement-breakpoint
-- 5G target: "重点行政村" is its own group (KEY_ADMIN_VILLAGE), not the 重点帮扶村 a key-village decision names; the
-- seeded target moves there (indicators.seed.ts re-seeds it), the old seeded row on KEY_VILLAGE goes.
DELETE FROM "indicator_target" WHERE "indicator" = 'VILLAGE_5G_SHARE' AND "scope_kind" = 'group' AND "scope_code" = 'KEY_VILLAGE' AND "created_by" = '系统（文件目标）';
