ALTER TABLE "contacts" ADD COLUMN "last_service" text;--> statement-breakpoint
ALTER TABLE "contacts" ADD COLUMN "last_service_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "activity_events" ADD COLUMN "service_name" text;--> statement-breakpoint
ALTER TABLE "activity_events" ADD COLUMN "service_details" text;