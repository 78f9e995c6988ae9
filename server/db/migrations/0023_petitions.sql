CREATE TABLE "petition_event" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"county_code" varchar(12) NOT NULL,
	"org_code" varchar(15) NOT NULL,
	"kind" text NOT NULL,
	"source" text NOT NULL,
	"level" text NOT NULL,
	"received_on" date NOT NULL,
	"deadline_on" date NOT NULL,
	"title" text NOT NULL,
	"summary" text NOT NULL,
	"petitioner" text,
	"reference" text,
	"closed_on" date,
	"closure_result" text,
	"closure_note" text,
	"created_by" bigint,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "petition_event_closure" CHECK (("petition_event"."closed_on" IS NULL AND "petition_event"."closure_result" IS NULL) OR ("petition_event"."closed_on" IS NOT NULL AND "petition_event"."closure_result" IS NOT NULL)),
	CONSTRAINT "petition_event_dates" CHECK ("petition_event"."deadline_on" >= "petition_event"."received_on" AND ("petition_event"."closed_on" IS NULL OR "petition_event"."closed_on" >= "petition_event"."received_on"))
);
--> statement-breakpoint
CREATE TABLE "petition_household" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"county_code" varchar(12) NOT NULL,
	"org_code" varchar(15) NOT NULL,
	"event_id" bigint NOT NULL,
	"household_id" bigint NOT NULL,
	"note" text,
	"at_risk" boolean DEFAULT false NOT NULL,
	"risk_types" text[] DEFAULT '{}'::text[] NOT NULL,
	"clue_ids" bigint[] DEFAULT '{}'::bigint[] NOT NULL,
	"added_by" bigint,
	"added_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "petition_step" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"county_code" varchar(12) NOT NULL,
	"org_code" varchar(15) NOT NULL,
	"event_id" bigint NOT NULL,
	"step_on" date NOT NULL,
	"action" text NOT NULL,
	"note" text NOT NULL,
	"actor_name" text,
	"created_by" bigint,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "petition_household" ADD CONSTRAINT "petition_household_event_id_petition_event_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."petition_event"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "petition_step" ADD CONSTRAINT "petition_step_event_id_petition_event_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."petition_event"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "petition_event_org_idx" ON "petition_event" USING btree ("org_code" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "petition_event_received_idx" ON "petition_event" USING btree ("county_code","received_on");--> statement-breakpoint
CREATE UNIQUE INDEX "petition_household_event_household_uq" ON "petition_household" USING btree ("event_id","household_id");--> statement-breakpoint
CREATE INDEX "petition_household_household_idx" ON "petition_household" USING btree ("household_id");--> statement-breakpoint
CREATE INDEX "petition_step_event_idx" ON "petition_step" USING btree ("event_id");