ALTER TYPE "public"."delivery_status" ADD VALUE 'held_out';--> statement-breakpoint
ALTER TABLE "tenants" ADD COLUMN "holdout_salt" text DEFAULT gen_random_uuid()::text NOT NULL;--> statement-breakpoint
ALTER TABLE "cycles" ADD COLUMN "returned_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "cycles" ADD COLUMN "held_out" boolean DEFAULT false NOT NULL;--> statement-breakpoint
-- A cycle closed by activity before this column ended where the contact's next cycle starts.
UPDATE "cycles" AS c SET "returned_at" = (
  SELECT min(n."started_at") FROM "cycles" AS n
  WHERE n."contact_id" = c."contact_id" AND n."started_at" > c."started_at"
) WHERE c."closed_at" IS NOT NULL AND c."close_reason" = 'activity';
