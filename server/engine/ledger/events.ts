import type { Db } from "@/db/client";
import { insertInChunks } from "@/db/bulk";
import { engineEvents } from "@/db/schema";
import { ledgerId } from "@/db/ledger-id";

export type EngineEventType =
  | "cycle_started"
  | "cycle_closed"
  | "stage_reached"
  | "superseded"
  | "deferred_quiet_hours"
  | "capped"
  | "skipped"
  /** Not sent: the cycle is in the holdout group (SPEC §1.8); `at` is the would-be send. */
  | "held_out"
  | "attempt_started"
  | "content_chosen"
  | "channel_changed"
  | "provider_status"
  | "guard_failed"
  | "attempt_failed"
  | "retry_scheduled"
  | "sent"
  | "failed"
  | "canceled_return"
  | "canceled_reset"
  /** A pending delivery of a stage or channel that a settings change removed (SPEC §1.9). */
  | "canceled_settings"
  /** A retry not made: the channel was opted out of or excluded while its attempt was in flight. */
  | "canceled_excluded"
  | "clicked"
  /** A tracked link opened by a link scanner or a HEAD request: not a click (`data`: scanner). */
  | "link_scanned"
  | "reactivated"
  /** A tag added or removed by an owner or an integrator (`data`: tag); the engine replans. */
  | "tag_added"
  | "tag_removed"
  /** An integrator corrected the last activity, possibly backwards (`data`: before, after). */
  | "last_activity_overridden"
  /** A step failed for the contact, which waits with a backoff (`data`: error, failures, retryAt). */
  | "engine_error"
  /** A step succeeded again for a contact that had failed (`data`: failuresBefore). */
  | "engine_recovered";

export type EngineEvent = typeof engineEvents.$inferInsert & { type: EngineEventType };

/** The ledger references of an event about one delivery. */
export function deliveryRefs(delivery: {
  id: string;
  tenantId: string;
  contactId: string;
  reminderId: string;
}) {
  const { tenantId, contactId, reminderId } = delivery;
  return { tenantId, contactId, reminderId, deliveryId: delivery.id };
}

/** Appends decisions to the ledger's event log, in order; never updated or deleted. */
export async function logEvents(db: Db, events: EngineEvent[]): Promise<void> {
  await insertInChunks(
    db,
    engineEvents,
    events.map((e) => ({
      id: ledgerId(),
      tenantId: e.tenantId,
      contactId: e.contactId,
      cycleId: e.cycleId ?? null,
      reminderId: e.reminderId ?? null,
      deliveryId: e.deliveryId ?? null,
      type: e.type,
      at: e.at,
      reason: e.reason,
      data: e.data ?? {},
    })),
  );
}
