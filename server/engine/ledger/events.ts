import type { Db } from "@/db/client";
import { engineEvents } from "@/db/schema";

export type EngineEventType =
  | "cycle_started"
  | "cycle_closed"
  | "stage_reached"
  | "superseded"
  | "deferred_quiet_hours"
  | "capped"
  | "skipped"
  | "attempt_started"
  | "attempt_failed"
  | "retry_scheduled"
  | "sent"
  | "failed"
  | "canceled_return"
  | "canceled_reset"
  | "clicked"
  | "reactivated";

export type EngineEvent = typeof engineEvents.$inferInsert & { type: EngineEventType };

/** Appends decisions to the ledger's event log; never updated or deleted. */
export async function logEvents(db: Db, events: EngineEvent[]): Promise<void> {
  if (events.length > 0) await db.insert(engineEvents).values(events);
}
