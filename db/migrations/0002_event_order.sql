DROP INDEX "engine_events_contact_idx";--> statement-breakpoint
ALTER TABLE "engine_events" ADD COLUMN "seq" bigint NOT NULL GENERATED ALWAYS AS IDENTITY (sequence name "engine_events_seq_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1);--> statement-breakpoint
CREATE INDEX "engine_events_contact_idx" ON "engine_events" USING btree ("contact_id","at","seq");