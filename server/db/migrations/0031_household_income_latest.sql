CREATE TABLE "household_income_latest" (
	"county_code" varchar(12) NOT NULL,
	"household_id" bigint NOT NULL,
	"year" smallint NOT NULL,
	"net_income" bigint,
	"household_size" smallint NOT NULL,
	"insurance_payout" bigint,
	"eligible_out_of_pocket" bigint,
	"prev_year" smallint,
	"prev_net_income" bigint,
	"prev_household_size" smallint,
	"prev_insurance_payout" bigint,
	"prev_eligible_out_of_pocket" bigint,
	CONSTRAINT "household_income_latest_county_code_household_id_pk" PRIMARY KEY("county_code","household_id")
);
--> statement-breakpoint
CREATE INDEX "household_income_latest_year_idx" ON "household_income_latest" USING btree ("county_code","year");--> statement-breakpoint
-- What household_income_latest holds, by definition: each household's latest income row and the row of the year before.
CREATE VIEW "household_income_latest_source" AS
SELECT DISTINCT ON (i.household_id) i.county_code, i.household_id, i.year, i.net_income, i.household_size, i.insurance_payout,
  i.eligible_out_of_pocket, p.year AS prev_year, p.net_income AS prev_net_income, p.household_size AS prev_household_size,
  p.insurance_payout AS prev_insurance_payout, p.eligible_out_of_pocket AS prev_eligible_out_of_pocket
FROM household_income i
LEFT JOIN household_income p ON p.county_code = i.county_code AND p.household_id = i.household_id AND p.year = i.year - 1
ORDER BY i.household_id, i.year DESC;
--> statement-breakpoint
CREATE FUNCTION household_income_latest_refresh(counties text[], households bigint[]) RETURNS void LANGUAGE sql AS $$
  DELETE FROM household_income_latest t USING unnest(counties, households) k(county_code, household_id)
    WHERE t.county_code = k.county_code AND t.household_id = k.household_id;
  INSERT INTO household_income_latest
  SELECT DISTINCT ON (i.household_id) i.county_code, i.household_id, i.year, i.net_income, i.household_size, i.insurance_payout,
    i.eligible_out_of_pocket, p.year, p.net_income, p.household_size, p.insurance_payout, p.eligible_out_of_pocket
  FROM unnest(counties, households) k(county_code, household_id)
  JOIN household_income i ON i.county_code = k.county_code AND i.household_id = k.household_id
  LEFT JOIN household_income p ON p.county_code = i.county_code AND p.household_id = i.household_id AND p.year = i.year - 1
  ORDER BY i.household_id, i.year DESC;
$$;
--> statement-breakpoint
CREATE TRIGGER household_income_latest_insert AFTER INSERT ON household_income REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION kept_facts_on_change('household_income_latest_refresh');
--> statement-breakpoint
CREATE TRIGGER household_income_latest_update AFTER UPDATE ON household_income REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION kept_facts_on_change('household_income_latest_refresh');
--> statement-breakpoint
CREATE TRIGGER household_income_latest_delete AFTER DELETE ON household_income REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION kept_facts_on_change('household_income_latest_refresh');
--> statement-breakpoint
-- Every table of kept facts, emptied and filled from its definition (restore, `monitor rebuild-facts`, bulk loads).
CREATE OR REPLACE FUNCTION feed_event_rebuild() RETURNS bigint LANGUAGE plpgsql AS $$
DECLARE n bigint;
BEGIN
  PERFORM set_config('guardline.facts_rebuild', 'on', true);
  DELETE FROM feed_event;
  INSERT INTO feed_event SELECT * FROM feed_event_source;
  GET DIAGNOSTICS n = ROW_COUNT;
  DELETE FROM feed_year_total;
  INSERT INTO feed_year_total SELECT * FROM feed_year_total_source;
  DELETE FROM household_income_latest;
  INSERT INTO household_income_latest SELECT * FROM household_income_latest_source;
  PERFORM set_config('guardline.facts_rebuild', 'off', true);
  RETURN n;
END $$;
--> statement-breakpoint
SELECT feed_event_rebuild();
