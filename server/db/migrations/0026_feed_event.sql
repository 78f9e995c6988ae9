CREATE TABLE "feed_event" (
	"county_code" varchar(12) NOT NULL,
	"household_id" bigint NOT NULL,
	"membership_id" bigint NOT NULL,
	"person_id" bigint NOT NULL,
	"record_id" bigint NOT NULL,
	"source" varchar(20) NOT NULL,
	"item" varchar(40) NOT NULL,
	"occurred_on" date NOT NULL,
	"amount_fen" bigint,
	"attrs" jsonb,
	"labour_skill" text NOT NULL,
	"member_until" date,
	CONSTRAINT "feed_event_membership_id_record_id_pk" PRIMARY KEY("membership_id","record_id")
);
--> statement-breakpoint
ALTER TABLE "feed_event" ADD CONSTRAINT "feed_event_membership_id_membership_id_fk" FOREIGN KEY ("membership_id") REFERENCES "public"."membership"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "feed_event" ADD CONSTRAINT "feed_event_record_id_feed_record_id_fk" FOREIGN KEY ("record_id") REFERENCES "public"."feed_record"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "feed_event_household_idx" ON "feed_event" USING btree ("county_code","household_id");--> statement-breakpoint
CREATE INDEX "feed_event_person_idx" ON "feed_event" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "feed_event_record_idx" ON "feed_event" USING btree ("record_id");--> statement-breakpoint
-- What feed_event holds, by definition: a department record matched to a household through a membership that covers it.
-- The triggers below keep feed_event equal to this view in every writing transaction; `guardline monitor verify-facts`
-- compares the two, and feed_event_rebuild() makes them equal again (after a restore, or if ever they differ).
CREATE VIEW "feed_event_source" AS
SELECT m.county_code, m.household_id, m.id AS membership_id, p.id AS person_id, fr.id AS record_id, fr.source, fr.item,
  fr.occurred_on, fr.amount_fen, fr.attrs, p.labour_skill, m.valid_to AS member_until
FROM feed_record fr
JOIN person p ON p.county_code = fr.county_code AND p.id_hash = fr.id_hash
JOIN membership m ON m.person_id = p.id AND m.county_code = p.county_code
WHERE m.valid_to IS NULL OR m.valid_to >= fr.occurred_on;
--> statement-breakpoint
CREATE FUNCTION feed_event_rebuild() RETURNS bigint LANGUAGE plpgsql AS $$
DECLARE n bigint;
BEGIN
  DELETE FROM feed_event;
  INSERT INTO feed_event SELECT * FROM feed_event_source;
  GET DIAGNOSTICS n = ROW_COUNT;
  RETURN n;
END $$;
--> statement-breakpoint
CREATE FUNCTION feed_event_on_record() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' THEN
    DELETE FROM feed_event WHERE record_id IN (SELECT id FROM changed_rows);
  END IF;
  INSERT INTO feed_event SELECT s.* FROM feed_event_source s WHERE s.record_id IN (SELECT id FROM changed_rows);
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER feed_record_facts_insert AFTER INSERT ON feed_record REFERENCING NEW TABLE AS changed_rows
  FOR EACH STATEMENT EXECUTE FUNCTION feed_event_on_record();
--> statement-breakpoint
CREATE TRIGGER feed_record_facts_update AFTER UPDATE ON feed_record REFERENCING NEW TABLE AS changed_rows
  FOR EACH STATEMENT EXECUTE FUNCTION feed_event_on_record();
--> statement-breakpoint
CREATE FUNCTION feed_event_on_membership() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' THEN
    DELETE FROM feed_event WHERE membership_id IN (SELECT id FROM changed_rows);
  END IF;
  INSERT INTO feed_event SELECT s.* FROM feed_event_source s WHERE s.membership_id IN (SELECT id FROM changed_rows);
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER membership_facts_insert AFTER INSERT ON membership REFERENCING NEW TABLE AS changed_rows
  FOR EACH STATEMENT EXECUTE FUNCTION feed_event_on_membership();
--> statement-breakpoint
CREATE TRIGGER membership_facts_update AFTER UPDATE ON membership REFERENCING NEW TABLE AS changed_rows
  FOR EACH STATEMENT EXECUTE FUNCTION feed_event_on_membership();
--> statement-breakpoint
-- A person's ID (hash), labour skill or county decides which records are theirs and what the events say: only those
-- persons are refreshed (most person updates change neither).
CREATE FUNCTION feed_event_on_person() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM feed_event WHERE person_id IN (SELECT n.id FROM new_rows n JOIN old_rows o ON o.id = n.id
    WHERE (n.id_hash, n.labour_skill, n.county_code) IS DISTINCT FROM (o.id_hash, o.labour_skill, o.county_code));
  INSERT INTO feed_event SELECT s.* FROM feed_event_source s WHERE s.person_id IN (SELECT n.id FROM new_rows n JOIN old_rows o ON o.id = n.id
    WHERE (n.id_hash, n.labour_skill, n.county_code) IS DISTINCT FROM (o.id_hash, o.labour_skill, o.county_code));
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER person_facts_update AFTER UPDATE ON person REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION feed_event_on_person();
--> statement-breakpoint
SELECT feed_event_rebuild();
