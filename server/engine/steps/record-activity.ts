import { and, eq, gte, inArray, isNull, lte, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { contacts, cycles, deliveries, reminders } from "@/db/schema";
import { loadContact } from "../contact-context";
import { closeCycles } from "../ledger/cycle-history";
import { logEvents } from "../ledger/events";
import { nextChecks } from "../planning/next-check";
import { cancelPending } from "./cancel";

/**
 * SPEC §1.4: one qualifying activity resets the chain at once: the cycle closes, every pending
 * send and retry is canceled on every channel, and the next milestone counts from the new
 * activity. A return within the attribution window of a sent reminder tags `reactivated`.
 * Call after the contact's `last_activity_at` has moved.
 */
export async function recordActivity(db: Db, contactId: string, now: Date): Promise<void> {
  await db.transaction(async (tx) => {
    const contact = await loadContact(tx, contactId, true);
    if (!contact?.lastActivityAt) return;
    const [open] = await tx
      .select()
      .from(cycles)
      .where(and(eq(cycles.contactId, contactId), isNull(cycles.closedAt)));
    if (open && open.startedAt < contact.lastActivityAt) {
      const ofCycle = (
        await tx.select({ id: reminders.id }).from(reminders).where(eq(reminders.cycleId, open.id))
      ).map((r) => r.id);
      await cancelPending(tx, ofCycle, {
        type: "canceled_reset",
        reason: "the contact was active again.",
        now,
      });
      await closeCycles(tx, [open], "activity", now);
      const ids = { tenantId: contact.tenantId, contactId, cycleId: open.id };
      await logEvents(tx, [
        {
          ...ids,
          type: "cycle_closed",
          at: now,
          reason: `Active again at ${contact.lastActivityAt.toISOString()}: the chain starts over.`,
        },
      ]);
      const windowStart = new Date(
        contact.lastActivityAt.getTime() - contact.settings.attributionWindowDays * 86_400_000,
      );
      const [sent] = await tx
        .select({ id: deliveries.id })
        .from(deliveries)
        .where(
          and(
            inArray(deliveries.reminderId, ofCycle),
            eq(deliveries.status, "sent"),
            gte(deliveries.finishedAt, windowStart),
            lte(deliveries.finishedAt, contact.lastActivityAt),
          ),
        )
        .limit(1);
      if (sent) {
        await tx
          .update(contacts)
          .set({
            tags: sql`array_append(array_remove(${contacts.tags}, 'reactivated'), 'reactivated')`,
          })
          .where(eq(contacts.id, contactId));
        await logEvents(tx, [
          {
            ...ids,
            deliveryId: sent.id,
            type: "reactivated",
            at: now,
            reason: `Returned within the ${contact.settings.attributionWindowDays}-day attribution window of a reminder.`,
          },
        ]);
      }
    }
    // The new cycle's first milestone, so the planner is not called just to find it.
    const next = await nextChecks(tx, [contact]);
    await tx
      .update(contacts)
      .set({ nextCheckAt: next.get(contactId) ?? null })
      .where(eq(contacts.id, contactId));
  });
}
