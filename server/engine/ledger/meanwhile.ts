import { eq, sql } from "drizzle-orm";
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
  // Per delivery, a lateral lookup on the contact's events (`engine_events_contact_idx`): as a
  // plain `exists`, PostgreSQL may hash every `clicked` event of the ledger instead, a full scan
  // that grows with the ledger (256 ms a batch at 1M contacts).
  const clicked = sql`lateral (select true as clicked from ${engineEvents} e
    where e.contact_id = ${deliveries.contactId} and e.reminder_id = ${deliveries.reminderId}
      and e.type = 'clicked' limit 1) k`;
  const rows = await db
    .select({
      id: deliveries.id,
      closedAt: cycles.closedAt,
      clicked: sql<boolean | null>`k.clicked`,
    })
    .from(deliveries)
    .innerJoin(reminders, eq(reminders.id, deliveries.reminderId))
    .innerJoin(cycles, eq(cycles.id, reminders.cycleId))
    .leftJoin(clicked, sql`true`)
    .where(anyOf(deliveries.id, deliveryIds));
  return new Map(
    rows.map((r) => [r.id, { cycleClosed: r.closedAt !== null, clicked: Boolean(r.clicked) }]),
  );
}
