-- One row per message instead of one per link. A link made before keeps working: its 16-character
-- id reads as an 11-character message key (the new row's id) plus a 5-character tag (its entry).
CREATE TABLE "links_by_message" AS
  SELECT left("id", 11) AS "id", "tenant_id", "contact_id", "delivery_id", min("created_at") AS "created_at",
    jsonb_agg(jsonb_build_object(
      'tag', right("id", 5), 'kind', "kind", 'target', "target",
      'expiresAt', to_char("expires_at" at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')
    ) ORDER BY "id") AS "entries"
  FROM "links" GROUP BY left("id", 11), "tenant_id", "contact_id", "delivery_id";--> statement-breakpoint
TRUNCATE "links";--> statement-breakpoint
ALTER TABLE "links" ADD COLUMN "entries" jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "links" DROP COLUMN "kind";--> statement-breakpoint
ALTER TABLE "links" DROP COLUMN "target";--> statement-breakpoint
ALTER TABLE "links" DROP COLUMN "expires_at";--> statement-breakpoint
INSERT INTO "links" ("id", "tenant_id", "contact_id", "delivery_id", "created_at", "entries")
  SELECT "id", "tenant_id", "contact_id", "delivery_id", "created_at", "entries" FROM "links_by_message";--> statement-breakpoint
DROP TABLE "links_by_message";
