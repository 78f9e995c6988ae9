CREATE TABLE "resident_team_attendance" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"county_code" varchar(12) NOT NULL,
	"org_code" varchar(15) NOT NULL,
	"team_id" bigint NOT NULL,
	"member_id" bigint NOT NULL,
	"period" char(7) NOT NULL,
	"days_in_village" smallint NOT NULL,
	"created_by" bigint,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "resident_team_attendance_days" CHECK ("resident_team_attendance"."days_in_village" BETWEEN 0 AND 31)
);
--> statement-breakpoint
CREATE TABLE "resident_team_log" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"county_code" varchar(12) NOT NULL,
	"org_code" varchar(15) NOT NULL,
	"team_id" bigint NOT NULL,
	"logged_on" date NOT NULL,
	"content" text NOT NULL,
	"created_by" bigint,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "resident_team_member" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"county_code" varchar(12) NOT NULL,
	"org_code" varchar(15) NOT NULL,
	"team_id" bigint NOT NULL,
	"name" text NOT NULL,
	"role" text NOT NULL,
	"unit" text,
	"joined_on" date NOT NULL,
	"left_on" date,
	"created_by" bigint,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "resident_team" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"county_code" varchar(12) NOT NULL,
	"org_code" varchar(15) NOT NULL,
	"sending_unit" text NOT NULL,
	"started_on" date NOT NULL,
	"ended_on" date,
	"end_note" text,
	"created_by" bigint,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "social_pairing_contribution" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"county_code" varchar(12) NOT NULL,
	"org_code" varchar(15) NOT NULL,
	"pairing_id" bigint NOT NULL,
	"contributed_on" date NOT NULL,
	"funds_fen" bigint DEFAULT 0 NOT NULL,
	"project_name" text,
	"jobs" integer DEFAULT 0 NOT NULL,
	"note" text,
	"created_by" bigint,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "social_pairing_contribution_nonneg" CHECK ("social_pairing_contribution"."funds_fen" >= 0 AND "social_pairing_contribution"."jobs" >= 0)
);
--> statement-breakpoint
CREATE TABLE "social_pairing" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"county_code" varchar(12) NOT NULL,
	"org_code" varchar(15) NOT NULL,
	"kind" text NOT NULL,
	"partner_name" text NOT NULL,
	"leader_name" text,
	"started_on" date NOT NULL,
	"ended_on" date,
	"note" text,
	"created_by" bigint,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "village_team_flag" (
	"org_code" varchar(15) PRIMARY KEY NOT NULL,
	"county_code" varchar(12) NOT NULL,
	"key_village" boolean DEFAULT false NOT NULL,
	"relocation_site" boolean DEFAULT false NOT NULL,
	"weak_party" boolean DEFAULT false NOT NULL,
	"updated_by" bigint,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "resident_team_attendance" ADD CONSTRAINT "resident_team_attendance_team_id_resident_team_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."resident_team"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resident_team_attendance" ADD CONSTRAINT "resident_team_attendance_member_id_resident_team_member_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."resident_team_member"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resident_team_log" ADD CONSTRAINT "resident_team_log_team_id_resident_team_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."resident_team"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resident_team_member" ADD CONSTRAINT "resident_team_member_team_id_resident_team_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."resident_team"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "social_pairing_contribution" ADD CONSTRAINT "social_pairing_contribution_pairing_id_social_pairing_id_fk" FOREIGN KEY ("pairing_id") REFERENCES "public"."social_pairing"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "resident_team_attendance_uq" ON "resident_team_attendance" USING btree ("member_id","period");--> statement-breakpoint
CREATE INDEX "resident_team_attendance_team_idx" ON "resident_team_attendance" USING btree ("team_id");--> statement-breakpoint
CREATE INDEX "resident_team_log_team_idx" ON "resident_team_log" USING btree ("team_id");--> statement-breakpoint
CREATE INDEX "resident_team_member_team_idx" ON "resident_team_member" USING btree ("team_id");--> statement-breakpoint
CREATE INDEX "resident_team_org_idx" ON "resident_team" USING btree ("org_code" text_pattern_ops);--> statement-breakpoint
CREATE UNIQUE INDEX "resident_team_active_uq" ON "resident_team" USING btree ("org_code") WHERE ended_on IS NULL;--> statement-breakpoint
CREATE INDEX "social_pairing_contribution_pairing_idx" ON "social_pairing_contribution" USING btree ("pairing_id");--> statement-breakpoint
CREATE INDEX "social_pairing_org_idx" ON "social_pairing" USING btree ("org_code" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "village_team_flag_org_idx" ON "village_team_flag" USING btree ("org_code" text_pattern_ops);