CREATE TABLE "cadre_pairing" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"county_code" varchar(12) NOT NULL,
	"household_id" bigint NOT NULL,
	"village_code" varchar(15) NOT NULL,
	"cadre_user_id" integer NOT NULL,
	"cadre_name" text NOT NULL,
	"unit" text NOT NULL,
	"phone_cipher" text,
	"phone_masked" varchar(20),
	"start_on" date NOT NULL,
	"end_on" date,
	"end_reason" text,
	"created_by" bigint,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "measure_subtype" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"county_code" varchar(12) NOT NULL,
	"category" varchar(30) NOT NULL,
	"code" varchar(60) NOT NULL,
	"label_zh" text NOT NULL,
	"continues_after_elimination" varchar(20),
	"active" boolean DEFAULT true NOT NULL,
	"sort" integer DEFAULT 0 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "obligation_snapshot" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"county_code" varchar(12) NOT NULL,
	"as_of" date NOT NULL,
	"township_code" varchar(15) NOT NULL,
	"code" varchar(40) NOT NULL,
	"households" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "relief_application" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"county_code" varchar(12) NOT NULL,
	"fund_id" bigint NOT NULL,
	"household_id" bigint NOT NULL,
	"village_code" varchar(15) NOT NULL,
	"relief_kind" text NOT NULL,
	"event_type" varchar(30) NOT NULL,
	"reason" text NOT NULL,
	"requested_fen" bigint NOT NULL,
	"approved_fen" bigint,
	"status" text DEFAULT 'submitted' NOT NULL,
	"applied_on" date NOT NULL,
	"decided_by" text,
	"decided_at" timestamp with time zone,
	"decision_note" text,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "relief_application_amounts_positive" CHECK ("relief_application"."requested_fen" > 0 AND ("relief_application"."approved_fen" IS NULL OR "relief_application"."approved_fen" > 0))
);
--> statement-breakpoint
CREATE TABLE "relief_fund_entry" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"county_code" varchar(12) NOT NULL,
	"fund_id" bigint NOT NULL,
	"kind" text NOT NULL,
	"amount_fen" bigint NOT NULL,
	"balance_after_fen" bigint NOT NULL,
	"application_id" bigint,
	"source" text,
	"occurred_on" date NOT NULL,
	"note" text,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "relief_fund_entry_amount_positive" CHECK ("relief_fund_entry"."amount_fen" > 0 AND "relief_fund_entry"."balance_after_fen" >= 0)
);
--> statement-breakpoint
CREATE TABLE "relief_fund" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"county_code" varchar(12) NOT NULL,
	"org_code" varchar(15) NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"balance_fen" bigint DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "relief_fund_balance_non_negative" CHECK ("relief_fund"."balance_fen" >= 0)
);
--> statement-breakpoint
CREATE TABLE "attachment" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"county_code" varchar(12) NOT NULL,
	"org_code" varchar(15) NOT NULL,
	"owner_kind" text NOT NULL,
	"owner_id" bigint,
	"file_name" text NOT NULL,
	"mime" text NOT NULL,
	"size_bytes" integer NOT NULL,
	"sha256" char(64) NOT NULL,
	"uploaded_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "relief_application" ADD CONSTRAINT "relief_application_fund_id_relief_fund_id_fk" FOREIGN KEY ("fund_id") REFERENCES "public"."relief_fund"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "relief_fund_entry" ADD CONSTRAINT "relief_fund_entry_fund_id_relief_fund_id_fk" FOREIGN KEY ("fund_id") REFERENCES "public"."relief_fund"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "relief_fund_entry" ADD CONSTRAINT "relief_fund_entry_application_id_relief_application_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."relief_application"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "cadre_pairing_one_active_uq" ON "cadre_pairing" USING btree ("county_code","household_id") WHERE end_on IS NULL;--> statement-breakpoint
CREATE INDEX "cadre_pairing_cadre_idx" ON "cadre_pairing" USING btree ("cadre_user_id","end_on");--> statement-breakpoint
CREATE INDEX "cadre_pairing_household_idx" ON "cadre_pairing" USING btree ("household_id");--> statement-breakpoint
CREATE UNIQUE INDEX "measure_subtype_uq" ON "measure_subtype" USING btree ("county_code","category","code");--> statement-breakpoint
CREATE UNIQUE INDEX "obligation_snapshot_uq" ON "obligation_snapshot" USING btree ("as_of","township_code","code");--> statement-breakpoint
CREATE INDEX "relief_application_fund_idx" ON "relief_application" USING btree ("fund_id","status");--> statement-breakpoint
CREATE INDEX "relief_application_village_idx" ON "relief_application" USING btree ("village_code" text_pattern_ops);--> statement-breakpoint
CREATE UNIQUE INDEX "relief_fund_entry_application_uq" ON "relief_fund_entry" USING btree ("application_id") WHERE application_id IS NOT NULL;--> statement-breakpoint
CREATE INDEX "relief_fund_entry_fund_idx" ON "relief_fund_entry" USING btree ("fund_id","id");--> statement-breakpoint
CREATE UNIQUE INDEX "relief_fund_org_kind_uq" ON "relief_fund" USING btree ("org_code","kind");--> statement-breakpoint
CREATE INDEX "attachment_owner_idx" ON "attachment" USING btree ("owner_kind","owner_id");