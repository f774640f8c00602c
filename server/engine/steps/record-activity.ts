import { and, eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { anyOf, updateInChunks } from "@/db/bulk";
import { contacts, deliveries, reminders } from "@/db/schema";
import { loadContacts, type ContactContext } from "../contact-context";
import { closeCycles, openCycles } from "../ledger/cycle-history";
import { logEvents, type EngineEvent } from "../ledger/events";
import { nextChecks } from "../planning/next-check";
import { cancelPending } from "./cancel";

type Activity = { contactId: string; at: Date };

/**
 * SPEC §1.4: one qualifying activity resets the chain at once: the cycle closes, every pending
 * send and retry is canceled on every channel, and the next milestone counts from the new
 * activity. A return within the attribution window of a sent reminder tags `reactivated`.
 * Call after the contact's `last_activity_at` has moved.
 */
export async function recordActivity(db: Db, contactId: string, now: Date): Promise<void> {
  await recordActivities(db, [{ contactId, at: now }]);
}

/** Records the activities of many contacts (see `recordActivity`), each at its own instant. */
export async function recordActivities(db: Db, list: Activity[]): Promise<void> {
  if (list.length === 0) return;
  const atOf = new Map(list.map((a) => [a.contactId, a.at]));
  const at = (contactId: string) => atOf.get(contactId)!;
  await db.transaction(async (tx) => {
    const locked = (await loadContacts(tx, { ids: [...atOf.keys()] }, true)).filter(
      (c) => c.lastActivityAt,
    );
    const contactOf = new Map(locked.map((c) => [c.id, c]));
    const open = await openCycles(
      tx,
      locked.map((c) => c.id),
    );
    const ended = open.filter((c) => c.startedAt < contactOf.get(c.contactId)!.lastActivityAt!);
    if (ended.length) {
      const ofEnded = await tx
        .select({ id: reminders.id, contactId: reminders.contactId })
        .from(reminders)
        .where(
          anyOf(
            reminders.cycleId,
            ended.map((c) => c.id),
          ),
        );
      await cancelPending(
        tx,
        ofEnded.map((r) => ({ reminderId: r.id, at: at(r.contactId) })),
        { type: "canceled_reset", reason: "the contact was active again." },
      );
      await closeCycles(tx, ended, "activity", at);
      const returns = await attributedReturns(
        tx,
        ofEnded.map((r) => r.id),
        contactOf,
      );
      await markReactivated(tx, [...returns.keys()]);
      await logEvents(tx, [
        ...ended.map((cycle): EngineEvent => ({
          tenantId: cycle.tenantId,
          contactId: cycle.contactId,
          cycleId: cycle.id,
          type: "cycle_closed",
          at: at(cycle.contactId),
          reason: `Active again at ${contactOf.get(cycle.contactId)!.lastActivityAt!.toISOString()}: the chain starts over.`,
        })),
        ...ended.flatMap((cycle): EngineEvent[] => {
          const sent = returns.get(cycle.contactId);
          if (!sent) return [];
          const { tenantId, id: contactId, settings } = contactOf.get(cycle.contactId)!;
          return [
            {
              tenantId,
              contactId,
              cycleId: cycle.id,
              deliveryId: sent,
              type: "reactivated",
              at: at(contactId),
              reason: `Returned within the ${settings.attributionWindowDays}-day attribution window of a reminder.`,
            },
          ];
        }),
      ]);
    }
    // The new cycle's first milestone, so the planner is not called just to find it.
    const next = await nextChecks(tx, locked);
    await updateInChunks(
      tx,
      contacts,
      locked.map((c) => ({ id: c.id, nextCheckAt: next.get(c.id) ?? null })),
    );
  });
}

/**
 * Per contact, a reminder delivery sent within the attribution window before its return (the
 * first found), among the deliveries of these reminders.
 */
async function attributedReturns(
  db: Db,
  reminderIds: string[],
  contactOf: Map<string, ContactContext>,
): Promise<Map<string, string>> {
  const sent = reminderIds.length
    ? await db
        .select({
          id: deliveries.id,
          contactId: deliveries.contactId,
          finishedAt: deliveries.finishedAt,
        })
        .from(deliveries)
        .where(and(anyOf(deliveries.reminderId, reminderIds), eq(deliveries.status, "sent")))
    : [];
  const found = new Map<string, string>();
  for (const d of sent) {
    const contact = contactOf.get(d.contactId)!;
    const returned = contact.lastActivityAt!.getTime();
    const windowMs = contact.settings.attributionWindowDays * 86_400_000;
    const finished = d.finishedAt?.getTime() ?? -Infinity;
    if (!found.has(d.contactId) && finished >= returned - windowMs && finished <= returned)
      found.set(d.contactId, d.id);
  }
  return found;
}

async function markReactivated(db: Db, contactIds: string[]): Promise<void> {
  if (contactIds.length === 0) return;
  await db.execute(
    sql`update ${contacts} set tags = array_append(array_remove(tags, 'reactivated'), 'reactivated')
      where ${anyOf(contacts.id, contactIds)}`,
  );
}
