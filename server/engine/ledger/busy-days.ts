import { and, inArray, sql } from "drizzle-orm";
import { anyOf } from "@/db/bulk";
import type { Db } from "@/db/client";
import { deliveries } from "@/db/schema";
import type { Channel } from "@/db/schema/enums";
import { localDate } from "../time";
import { groupBy } from "@/server/lib/group-by";

/** Statuses of a delivery that occupies its channel on its day (SPEC §1.2 cap). */
const OCCUPYING = ["pending", "sending", "sent", "failed", "held_out"] as const;
/** Wider than any zone's offset: an instant this far back is on an earlier local day. */
const LOOKBACK_MS = 2 * 86_400_000;

export type BusyDays = (contact: { id: string; zone: string }, channel: Channel) => Set<string>;

/**
 * The local dates from `now` on on which each channel already carries a reminder of each contact:
 * the day of its first attempt, or of its due time while it has none.
 */
export async function loadBusyDays(db: Db, contactIds: string[], now: Date): Promise<BusyDays> {
  const rows = contactIds.length
    ? await db
        .select({
          contactId: deliveries.contactId,
          channel: deliveries.channel,
          at: sql<Date>`coalesce(${deliveries.firstAttemptAt}, ${deliveries.dueAt})`.mapWith(
            (v: string | Date) => new Date(v),
          ),
        })
        .from(deliveries)
        .where(
          and(
            anyOf(deliveries.contactId, contactIds),
            inArray(deliveries.status, [...OCCUPYING]),
            sql`coalesce(${deliveries.firstAttemptAt}, ${deliveries.dueAt}) >= ${new Date(now.getTime() - LOOKBACK_MS).toISOString()}::timestamptz`,
          ),
        )
    : [];
  const byContact = groupBy(rows, (r) => r.contactId);
  return (contact, channel) =>
    new Set(
      (byContact.get(contact.id) ?? [])
        .filter((r) => r.channel === channel)
        .map((r) => localDate(r.at, contact.zone)),
    );
}
