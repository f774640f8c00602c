CREATE TABLE "contact_checks" (
	"contact_id" uuid PRIMARY KEY NOT NULL,
	"tenant_id" uuid NOT NULL,
	"next_check_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
DROP INDEX "contacts_tags_idx";--> statement-breakpoint
DROP INDEX "contacts_next_check_idx";--> statement-breakpoint
ALTER TABLE "contact_checks" ADD CONSTRAINT "contact_checks_contact_id_contacts_id_fk" FOREIGN KEY ("contact_id") REFERENCES "public"."contacts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "contact_checks_due_idx" ON "contact_checks" USING btree ("next_check_at");--> statement-breakpoint
-- The queue follows contacts.next_check_at, inside the statement that changed it: an AFTER
-- statement trigger sees every changed row at once (transition tables), so a batch of 1,000
-- contacts costs one delete and one upsert, not 1,000 trigger calls.
CREATE FUNCTION "contact_checks_follow_insert"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "contact_checks" ("contact_id", "tenant_id", "next_check_at")
    SELECT n."id", n."tenant_id", n."next_check_at" FROM new_rows n WHERE n."next_check_at" IS NOT NULL
    ON CONFLICT ("contact_id") DO UPDATE SET "next_check_at" = excluded."next_check_at";
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE FUNCTION "contact_checks_follow_update"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  -- Only the rows whose next check moved: a send's tags-only update leaves the queue alone.
  WITH moved AS (
    SELECT n."id", n."tenant_id", n."next_check_at"
    FROM new_rows n JOIN old_rows o ON o."id" = n."id"
    WHERE n."next_check_at" IS DISTINCT FROM o."next_check_at"
  ), cleared AS (
    DELETE FROM "contact_checks" q USING moved m
    WHERE q."contact_id" = m."id" AND m."next_check_at" IS NULL
  )
  INSERT INTO "contact_checks" ("contact_id", "tenant_id", "next_check_at")
    SELECT m."id", m."tenant_id", m."next_check_at" FROM moved m WHERE m."next_check_at" IS NOT NULL
    ON CONFLICT ("contact_id") DO UPDATE SET "next_check_at" = excluded."next_check_at";
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER "contact_checks_on_insert" AFTER INSERT ON "contacts"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "contact_checks_follow_insert"();
--> statement-breakpoint
CREATE TRIGGER "contact_checks_on_update" AFTER UPDATE ON "contacts"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "contact_checks_follow_update"();
--> statement-breakpoint
INSERT INTO "contact_checks" ("contact_id", "tenant_id", "next_check_at")
  SELECT "id", "tenant_id", "next_check_at" FROM "contacts" WHERE "next_check_at" IS NOT NULL;
--> statement-breakpoint
-- Room on each page for a contact's next version, so updates of unindexed columns (a next check,
-- tags, channels) stay HOT. Applies to pages written from now on; VACUUM FULL rewrites the rest.
ALTER TABLE "contacts" SET (fillfactor = 85);
