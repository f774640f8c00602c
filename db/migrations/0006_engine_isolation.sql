ALTER TABLE "contacts" ADD COLUMN "engine_failures" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "contacts" ADD COLUMN "engine_error" text;--> statement-breakpoint
ALTER TABLE "contacts" ADD COLUMN "engine_error_at" timestamp with time zone;--> statement-breakpoint
CREATE INDEX "contacts_needing_attention_idx" ON "contacts" USING btree ("tenant_id","engine_error_at") WHERE "contacts"."engine_failures" > 0;