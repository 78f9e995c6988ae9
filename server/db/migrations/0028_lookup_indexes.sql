DROP INDEX "warning_village_idx";--> statement-breakpoint
CREATE INDEX "household_no_prefix_idx" ON "household" USING btree ("household_no" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "warning_scope_idx" ON "warning" USING btree ("county_code","period","village_code" text_pattern_ops);