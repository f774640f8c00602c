import { and, eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { anyOf } from "@/db/bulk";
import { contacts, cycles, deliveries, reminders } from "@/db/schema";
import { loadContacts, type ContactContext } from "../contact-context";
import { closeCycles, openCycles } from "../ledger/cycle-history";
import { logEvents, type EngineEvent } from "../ledger/events";
import { nextChecks } from "../planning/next-check";
import { attributedReminder } from "@/server/metrics/attribution";
import { groupBy } from "@/server/lib/group-by";
import { cancelPending } from "./cancel";

/** A contact's qualifying activity, as every entry point hands it to the engine. */
export type Activity = {
  contactId: string;
  /** When the contact was active: its new last activity, unless a later one is stored. */
  activityAt: Date;
  /** When the engine records it: the instant of the cancellations, the closing and the events. */
  at: Date;
  /** A correction: sets the last activity even behind the stored one. */
  override?: boolean;
};

/** A last activity the step moved. */
export type ActivityMove = { contactId: string; before: Date | null; after: Date };

/**
 * SPEC §1.4: one qualifying activity resets the chain at once. The contact's last activity moves
 * (never backwards, unless overridden), and in the same transaction the cycle that counted from
 * the old one closes, every pending send and retry is canceled on every channel, and the next
 * milestone counts from the new activity. A return within the attribution window of a sent
 * reminder tags `reactivated` (SPEC §1.5). The only way a last activity moves once the contact
 * exists: the activity API, the contacts API, the simulator and Inngest all call it.
 */
export async function recordActivity(db: Db, activity: Activity): Promise<ActivityMove[]> {
  return recordActivities(db, [activity]);
}

/**
 * Records the activities of many contacts in one transaction (see `recordActivity`), each at its
 * own instant; of several for one contact the newest counts. An activity that does not move the
 * last activity (an older one arriving late) changes nothing.
 */
export async function recordActivities(db: Db, list: Activity[]): Promise<ActivityMove[]> {
  const newest = new Map<string, Activity>();
  for (const a of list) {
    const current = newest.get(a.contactId);
    if (!current || a.activityAt > current.activityAt) newest.set(a.contactId, a);
  }
  if (newest.size === 0) return [];
  const at = (contactId: string) => newest.get(contactId)!.at;
  return db.transaction(async (tx) => {
    const locked = await loadContacts(tx, { ids: [...newest.keys()] }, true);
    const moves = locked.flatMap((c): ActivityMove[] => {
      const { activityAt, override } = newest.get(c.id)!;
      const before = c.lastActivityAt;
      const after = override || !before || before < activityAt ? activityAt : before;
      return before?.getTime() === after.getTime() ? [] : [{ contactId: c.id, before, after }];
    });
    const afterOf = new Map(moves.map((m) => [m.contactId, m.after]));
    const moved = locked
      .filter((c) => afterOf.has(c.id))
      .map((c) => ({ ...c, lastActivityAt: afterOf.get(c.id)! }));
    const reactivated = await resetChains(tx, moved, at);
    // The new cycle's first milestone, so the planner is not called just to find it.
    const next = await nextChecks(tx, moved);
    await moveLastActivities(
      tx,
      moved.map((c) => ({
        id: c.id,
        last: c.lastActivityAt,
        next: next.get(c.id) ?? null,
        reactivated: reactivated.has(c.id),
      })),
    );
    return moves;
  });
}

/**
 * The contacts' new last activity and next check, and the `reactivated` tag of a return within
 * the attribution window of a sent reminder (SPEC §1.5), in one statement: each update of a
 * contact writes a new version through all of its indexes (45–75 ms per 1,000 contacts with a
 * large ledger), and the tag was a second one.
 */
async function moveLastActivities(
  tx: Db,
  rows: { id: string; last: Date | null; next: Date | null; reactivated: boolean }[],
): Promise<void> {
  if (rows.length === 0) return;
  await tx.execute(sql`
    update ${contacts} c set last_activity_at = r.last, next_check_at = r.next,
      tags = case when r.reactivated
        then array_append(array_remove(c.tags, 'reactivated'), 'reactivated') else c.tags end
    from json_to_recordset(${JSON.stringify(rows)}::json)
      as r(id uuid, last timestamptz, next timestamptz, reactivated boolean)
    where c.id = r.id`);
}

/**
 * Closes each contact's open cycle that counted from another last activity, cancels its pending
 * sends, and logs `canceled_reset`, `cycle_closed` and, for a return within the attribution
 * window of a sent reminder, `reactivated`; returns those contacts, for their tag. Callers hold
 * the contacts' locks.
 */
async function resetChains(
  tx: Db,
  moved: ContactContext[],
  at: (contactId: string) => Date,
): Promise<Set<string>> {
  const contactOf = new Map(moved.map((c) => [c.id, c]));
  const lastOf = (contactId: string) => contactOf.get(contactId)!.lastActivityAt!;
  const ended = (
    await openCycles(
      tx,
      moved.map((c) => c.id),
    )
  ).filter((c) => c.startedAt.getTime() !== lastOf(c.contactId).getTime());
  if (ended.length === 0) return new Set();
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
  await closeCycles(tx, ended, lastOf, at);
  const returns = await attributedReturns(
    tx,
    ofEnded.map((r) => r.id),
    contactOf,
  );
  await logEvents(tx, [
    ...ended.map((cycle) => closedEvent(cycle, lastOf(cycle.contactId), at(cycle.contactId))),
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
  return new Set(returns.keys());
}

function closedEvent(cycle: typeof cycles.$inferSelect, last: Date, at: Date): EngineEvent {
  // Only an override moves the last activity behind a cycle's start: a correction, not a return.
  const reason =
    last > cycle.startedAt
      ? `Active again at ${last.toISOString()}: the chain starts over.`
      : `The last activity was corrected to ${last.toISOString()}: the chain starts over from it.`;
  const { tenantId, contactId, id: cycleId } = cycle;
  return { tenantId, contactId, cycleId, type: "cycle_closed", at, reason };
}

/**
 * Per contact, the reminder its return is attributed to when the return is a reactivation (SPEC
 * §1.8: within the window after the first successful delivery of the cycle's most recent reminder
 * sent before it), as that first delivery's id.
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
          reminderId: deliveries.reminderId,
          contactId: deliveries.contactId,
          channel: deliveries.channel,
          finishedAt: deliveries.finishedAt,
        })
        .from(deliveries)
        .where(and(anyOf(deliveries.reminderId, reminderIds), eq(deliveries.status, "sent")))
    : [];
  const found = new Map<string, string>();
  for (const [contactId, rows] of groupBy(sent, (d) => d.contactId)) {
    const contact = contactOf.get(contactId)!;
    const reminders = [...groupBy(rows, (d) => d.reminderId)].map(([id, ds]) => ({
      id,
      stage: "",
      clicks: [],
      delivered: ds.flatMap((d) =>
        d.finishedAt ? [{ channel: d.channel, at: d.finishedAt, variant: "", ctaKind: "" }] : [],
      ),
    }));
    const attributed = attributedReminder(
      reminders,
      contact.lastActivityAt,
      contact.settings.attributionWindowDays,
    );
    if (!attributed?.reactivated) continue;
    const first = rows.find(
      (d) =>
        d.reminderId === attributed.reminder.id &&
        d.finishedAt?.getTime() === attributed.firstSentAt.getTime(),
    )!;
    found.set(contactId, first.id);
  }
  return found;
}
