DROP INDEX "warning_village_idx";--> statement-breakpoint
CREATE INDEX "household_no_prefix_idx" ON "household" USING btree ("household_no" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "warning_scope_idx" ON "warning" USING btree ("county_code","period","village_code" text_pattern_ops);--> statement-breakpoint
-- Warnings arrive a month at a time: autovacuum after 1 % new rows rather than the default 20 %, so that the latest
-- month is soon in the visibility map and a warnings total is counted from warning_scope_idx alone (PostgreSQL;
-- PGlite has no autovacuum and keeps the setting unused).
ALTER TABLE "warning" SET (autovacuum_vacuum_insert_scale_factor = 0.01, autovacuum_analyze_scale_factor = 0.02);
