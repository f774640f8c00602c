ALTER TABLE "engine_events" DROP CONSTRAINT "engine_events_contact_id_contacts_id_fk";
--> statement-breakpoint
ALTER TABLE "links" DROP CONSTRAINT "links_contact_id_contacts_id_fk";
