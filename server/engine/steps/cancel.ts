import { and, inArray, isNull } from "drizzle-orm";
import type { Db } from "@/db/client";
import { deliveries } from "@/db/schema";
import { logEvents, type EngineEventType } from "../ledger/events";

/**
 * Cancels the not-yet-sent deliveries of some reminders on every channel. A provider call already
 * under way is not stopped; every later attempt is (SPEC §1.4: "a cancellation … must not produce
 * a send after the cancellation is committed"). Callers hold the contact's lock.
 */
export async function cancelPending(
  db: Db,
  reminderIds: string[],
  cause: {
    type: Extract<EngineEventType, "canceled_return" | "canceled_reset">;
    reason: string;
    now: Date;
  },
): Promise<number> {
  if (reminderIds.length === 0) return 0;
  const canceled = await db
    .update(deliveries)
    .set({
      status: "canceled",
      reason: cause.type === "canceled_return" ? "clicked" : "activity",
      nextAttemptAt: null,
      finishedAt: cause.now,
    })
    .where(
      and(
        inArray(deliveries.reminderId, reminderIds),
        inArray(deliveries.status, ["pending", "sending"]),
        isNull(deliveries.inFlightAttempt),
      ),
    )
    .returning();
  await logEvents(
    db,
    canceled.map((d) => ({
      tenantId: d.tenantId,
      contactId: d.contactId,
      reminderId: d.reminderId,
      deliveryId: d.id,
      type: cause.type,
      at: cause.now,
      reason: `Canceled on ${d.channel}: ${cause.reason}`,
    })),
  );
  return canceled.length;
}
