ALTER TABLE "indicator_target" ADD COLUMN "path" text DEFAULT 'constant' NOT NULL;--> statement-breakpoint
ALTER TABLE "indicator_target" ADD COLUMN "path_from_year" integer;--> statement-breakpoint
ALTER TABLE "indicator_target" ADD COLUMN "path_from_value" double precision;--> statement-breakpoint
ALTER TABLE "indicator_target" ADD COLUMN "note" text;--> statement-breakpoint
-- The county plan is 沁发〔2021〕17号 (中共沁水县委 and 沁水县人民政府), not 沁政办发; fix targets already stored.
UPDATE "indicator_target" SET "source_doc" = '沁发〔2021〕17号' WHERE "source_doc" = '沁政办发〔2021〕17号';
