CREATE TABLE "collective_income" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"county_code" varchar(12) NOT NULL,
	"org_code" varchar(15) NOT NULL,
	"year" smallint NOT NULL,
	"asset_fen" bigint DEFAULT 0 NOT NULL,
	"photovoltaic_fen" bigint DEFAULT 0 NOT NULL,
	"land_fen" bigint DEFAULT 0 NOT NULL,
	"operations_fen" bigint DEFAULT 0 NOT NULL,
	"other_fen" bigint DEFAULT 0 NOT NULL,
	"note" text,
	"created_by" bigint,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"superseded_at" timestamp with time zone,
	CONSTRAINT "collective_income_nonneg" CHECK ("collective_income"."asset_fen" >= 0 AND "collective_income"."photovoltaic_fen" >= 0 AND "collective_income"."land_fen" >= 0 AND "collective_income"."operations_fen" >= 0 AND "collective_income"."other_fen" >= 0)
);
--> statement-breakpoint
CREATE TABLE "consumer_outlet" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"county_code" varchar(12) NOT NULL,
	"org_code" varchar(15) NOT NULL,
	"kind" text NOT NULL,
	"channel" text DEFAULT 'offline' NOT NULL,
	"name" text NOT NULL,
	"location" text NOT NULL,
	"operator" text NOT NULL,
	"opened_on" date NOT NULL,
	"closed_on" date,
	"close_note" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" bigint,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "consumer_product" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"county_code" varchar(12) NOT NULL,
	"org_code" varchar(15) NOT NULL,
	"name" text NOT NULL,
	"category" text NOT NULL,
	"supplier_kind" text NOT NULL,
	"household_id" bigint,
	"supplier_name" text,
	"created_by" bigint,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "consumer_product_supplier" CHECK (("consumer_product"."supplier_kind" = 'household' AND "consumer_product"."household_id" IS NOT NULL) OR ("consumer_product"."supplier_kind" = 'cooperative' AND "consumer_product"."supplier_name" IS NOT NULL))
);
--> statement-breakpoint
CREATE TABLE "consumer_sale" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"county_code" varchar(12) NOT NULL,
	"org_code" varchar(15) NOT NULL,
	"outlet_id" bigint NOT NULL,
	"product_id" bigint NOT NULL,
	"period" char(7) NOT NULL,
	"amount_fen" bigint NOT NULL,
	"created_by" bigint,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "consumer_sale_nonneg" CHECK ("consumer_sale"."amount_fen" >= 0)
);
--> statement-breakpoint
ALTER TABLE "consumer_sale" ADD CONSTRAINT "consumer_sale_outlet_id_consumer_outlet_id_fk" FOREIGN KEY ("outlet_id") REFERENCES "public"."consumer_outlet"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consumer_sale" ADD CONSTRAINT "consumer_sale_product_id_consumer_product_id_fk" FOREIGN KEY ("product_id") REFERENCES "public"."consumer_product"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "collective_income_org_idx" ON "collective_income" USING btree ("org_code" text_pattern_ops,"year");--> statement-breakpoint
CREATE UNIQUE INDEX "collective_income_current_uq" ON "collective_income" USING btree ("org_code","year") WHERE superseded_at IS NULL;--> statement-breakpoint
CREATE INDEX "consumer_outlet_org_idx" ON "consumer_outlet" USING btree ("org_code" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "consumer_product_org_idx" ON "consumer_product" USING btree ("org_code" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "consumer_product_household_idx" ON "consumer_product" USING btree ("household_id");--> statement-breakpoint
CREATE UNIQUE INDEX "consumer_sale_uq" ON "consumer_sale" USING btree ("outlet_id","product_id","period");--> statement-breakpoint
CREATE INDEX "consumer_sale_org_idx" ON "consumer_sale" USING btree ("org_code" text_pattern_ops,"period");