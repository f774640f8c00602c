import { and, eq, inArray, isNull } from "drizzle-orm";
import type { Db } from "@/db/client";
import { contacts, deliveries, reminders } from "@/db/schema";
import { isDoNotContact } from "../audience";
import { loadContact, type ContactContext } from "../contact-context";
import { currentCycle, cycleReminders, nextRecurringAt } from "../ledger/cycle-history";
import { logEvents } from "../ledger/events";
import { nextMilestone, pendingStages, splitReached } from "../stages";
import { planReminder, planSuperseded } from "./plan-reminder";

/**
 * Plans what is due for one contact at `now` and stores its next milestone in `next_check_at`.
 * One transaction under the contact's row lock; running it again changes nothing.
 */
export async function plan(db: Db, contactId: string, now: Date): Promise<void> {
  await db.transaction(async (tx) => {
    const contact = await loadContact(tx, contactId, true);
    if (!contact) return;
    const nextCheckAt = await planLocked(tx, contact, now);
    await tx.update(contacts).set({ nextCheckAt }).where(eq(contacts.id, contactId));
  });
}

async function planLocked(db: Db, contact: ContactContext, now: Date): Promise<Date | null> {
  const { settings, zone, lastActivityAt } = contact;
  // No activity yet, or excluded: nothing to plan until an activity or an untag replans.
  if (!lastActivityAt || isDoNotContact(contact, settings.excludeDoNotContact)) return null;
  const cycle = await currentCycle(db, contact, now);
  const stages = settings.cadence.stages;
  const history = await cycleReminders(db, cycle.id);
  const handled = new Set(history.map((r) => r.key));
  const { highest, superseded } = splitReached(
    pendingStages(stages, handled, lastActivityAt, zone),
    now,
  );
  const recurringAt = nextRecurringAt(history, settings.cadence.recurringEveryDays, zone);

  if (highest) {
    await supersedeEarlier(db, contact, cycle.id, now, highest.key);
    for (const lower of superseded) {
      await planSuperseded(
        db,
        contact,
        cycle.id,
        { key: lower.key, sequence: 0, reachedAt: lower.reachedAt },
        highest.key,
        now,
      );
    }
    await planReminder(
      db,
      contact,
      cycle.id,
      { key: highest.key, sequence: 0, reachedAt: highest.reachedAt },
      now,
    );
  } else if (recurringAt && recurringAt <= now) {
    const sequence = history.filter((r) => r.key === "recurring").length + 1;
    await supersedeEarlier(db, contact, cycle.id, now, "recurring");
    await planReminder(
      db,
      contact,
      cycle.id,
      { key: "recurring", sequence, reachedAt: recurringAt },
      now,
    );
  }

  return (await upcomingMilestone(db, contact, cycle.id))?.reachedAt ?? null;
}

/** The cycle's next milestone after what is planned so far (SPEC §1.1). */
export async function upcomingMilestone(db: Db, contact: ContactContext, cycleId: string) {
  const { settings, zone, lastActivityAt } = contact;
  const history = await cycleReminders(db, cycleId);
  const handled = new Set(history.map((r) => r.key));
  const pending = pendingStages(settings.cadence.stages, handled, lastActivityAt!, zone);
  return nextMilestone(
    pending,
    nextRecurringAt(history, settings.cadence.recurringEveryDays, zone),
  );
}

/**
 * SPEC §1.1: when a higher milestone is reached, every not-yet-successful delivery of the earlier
 * reminders of the cycle is `superseded`, never sent later. A call already under way is left alone.
 */
async function supersedeEarlier(
  db: Db,
  contact: ContactContext,
  cycleId: string,
  now: Date,
  by: string,
) {
  const earlier = db
    .select({ id: reminders.id })
    .from(reminders)
    .where(eq(reminders.cycleId, cycleId));
  const rows = await db
    .update(deliveries)
    .set({
      status: "superseded",
      reason: `superseded by ${by}`,
      nextAttemptAt: null,
      finishedAt: now,
    })
    .where(
      and(
        inArray(deliveries.reminderId, earlier),
        inArray(deliveries.status, ["pending", "sending"]),
        isNull(deliveries.inFlightAttempt),
      ),
    )
    .returning();
  await logEvents(
    db,
    rows.map((d) => ({
      tenantId: contact.tenantId,
      contactId: contact.id,
      cycleId,
      reminderId: d.reminderId,
      deliveryId: d.id,
      type: "superseded" as const,
      at: now,
      reason: `Not sent on ${d.channel}: ${by} was reached first.`,
    })),
  );
}
