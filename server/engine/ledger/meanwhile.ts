import { and, eq, exists } from "drizzle-orm";
import { anyOf } from "@/db/bulk";
import type { Db } from "@/db/client";
import { cycles, deliveries, engineEvents, reminders } from "@/db/schema";
import type { Meanwhile } from "../sending/meanwhile";

/**
 * For deliveries whose attempt was in flight: whether their cycle has closed (the contact
 * returned) and whether their reminder's link was opened on any channel, as committed now.
 * Callers hold the contacts' locks, so nothing changes between this read and their write.
 */
export async function happenedMeanwhile(
  db: Db,
  deliveryIds: string[],
): Promise<Map<string, Meanwhile>> {
  if (deliveryIds.length === 0) return new Map();
  const clickedReminder = db
    .select({ one: engineEvents.seq })
    .from(engineEvents)
    .where(
      and(
        eq(engineEvents.contactId, deliveries.contactId),
        eq(engineEvents.reminderId, deliveries.reminderId),
        eq(engineEvents.type, "clicked"),
      ),
    );
  const rows = await db
    .select({ id: deliveries.id, closedAt: cycles.closedAt, clicked: exists(clickedReminder) })
    .from(deliveries)
    .innerJoin(reminders, eq(reminders.id, deliveries.reminderId))
    .innerJoin(cycles, eq(cycles.id, reminders.cycleId))
    .where(anyOf(deliveries.id, deliveryIds));
  return new Map(
    rows.map((r) => [r.id, { cycleClosed: r.closedAt !== null, clicked: Boolean(r.clicked) }]),
  );
}
