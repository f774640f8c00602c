CREATE TABLE "ledger_cursors" (
	"name" text PRIMARY KEY NOT NULL,
	"seq" bigint NOT NULL,
	"gap_through" bigint,
	"gap_xmax" bigint,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE INDEX "engine_events_seq_idx" ON "engine_events" USING btree ("seq");