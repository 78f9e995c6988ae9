CREATE TABLE "feed_year_total" (
	"county_code" varchar(12) NOT NULL,
	"household_id" bigint NOT NULL,
	"source" varchar(20) NOT NULL,
	"item" varchar(40) NOT NULL,
	"year" integer NOT NULL,
	"amount_fen" bigint,
	"records" integer NOT NULL,
	"last_on" date NOT NULL,
	CONSTRAINT "feed_year_total_county_code_household_id_source_item_year_pk" PRIMARY KEY("county_code","household_id","source","item","year")
);
--> statement-breakpoint
-- What feed_year_total holds, by definition: feed_event's events of active members per household, item and year.
CREATE VIEW "feed_year_total_source" AS
SELECT county_code, household_id, source, item, extract(year FROM occurred_on)::int AS year,
  sum(amount_fen) AS amount_fen, count(*)::int AS records, max(occurred_on) AS last_on
FROM feed_event WHERE member_until IS NULL
GROUP BY county_code, household_id, source, item, extract(year FROM occurred_on)::int;
--> statement-breakpoint
-- The totals of the given households, recomputed from their events (a household has a few dozen at most).
CREATE FUNCTION feed_year_total_refresh(counties text[], households bigint[]) RETURNS void LANGUAGE sql AS $$
  DELETE FROM feed_year_total t USING unnest(counties, households) k(county_code, household_id)
    WHERE t.county_code = k.county_code AND t.household_id = k.household_id;
  INSERT INTO feed_year_total (county_code, household_id, source, item, year, amount_fen, records, last_on)
  SELECT e.county_code, e.household_id, e.source, e.item, extract(year FROM e.occurred_on)::int, sum(e.amount_fen), count(*)::int, max(e.occurred_on)
  FROM unnest(counties, households) k(county_code, household_id)
  JOIN feed_event e ON e.county_code = k.county_code AND e.household_id = k.household_id
  WHERE e.member_until IS NULL
  GROUP BY e.county_code, e.household_id, e.source, e.item, extract(year FROM e.occurred_on)::int;
$$;
--> statement-breakpoint
-- The trigger of every kept-facts table: recompute the households the statement touched, through the refresh function
-- named by the trigger's argument. feed_event_rebuild() fills the tables at once and sets guardline.facts_rebuild meanwhile.
CREATE FUNCTION kept_facts_on_change() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE counties text[]; households bigint[];
BEGIN
  IF coalesce(current_setting('guardline.facts_rebuild', true), '') = 'on' THEN RETURN NULL; END IF;
  IF TG_OP = 'INSERT' THEN
    SELECT array_agg(k.county_code), array_agg(k.household_id) INTO counties, households
      FROM (SELECT DISTINCT county_code::text, household_id FROM new_rows) k;
  ELSIF TG_OP = 'DELETE' THEN
    SELECT array_agg(k.county_code), array_agg(k.household_id) INTO counties, households
      FROM (SELECT DISTINCT county_code::text, household_id FROM old_rows) k;
  ELSE
    SELECT array_agg(k.county_code), array_agg(k.household_id) INTO counties, households
      FROM (SELECT county_code::text, household_id FROM old_rows UNION SELECT county_code::text, household_id FROM new_rows) k;
  END IF;
  EXECUTE format('SELECT %I($1, $2)', TG_ARGV[0]) USING counties, households;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER feed_event_totals_insert AFTER INSERT ON feed_event REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION kept_facts_on_change('feed_year_total_refresh');
--> statement-breakpoint
CREATE TRIGGER feed_event_totals_update AFTER UPDATE ON feed_event REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION kept_facts_on_change('feed_year_total_refresh');
--> statement-breakpoint
CREATE TRIGGER feed_event_totals_delete AFTER DELETE ON feed_event REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION kept_facts_on_change('feed_year_total_refresh');
--> statement-breakpoint
CREATE OR REPLACE FUNCTION feed_event_rebuild() RETURNS bigint LANGUAGE plpgsql AS $$
DECLARE n bigint;
BEGIN
  PERFORM set_config('guardline.facts_rebuild', 'on', true);
  DELETE FROM feed_event;
  INSERT INTO feed_event SELECT * FROM feed_event_source;
  GET DIAGNOSTICS n = ROW_COUNT;
  DELETE FROM feed_year_total;
  INSERT INTO feed_year_total SELECT * FROM feed_year_total_source;
  PERFORM set_config('guardline.facts_rebuild', 'off', true);
  RETURN n;
END $$;
--> statement-breakpoint
SELECT feed_event_rebuild();
