import { and, asc, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { deliveries, engineEvents, reminders } from "@/db/schema";
import { isDoNotContact } from "../audience";
import { loadContact } from "../contact-context";
import { currentHistories } from "../planning/next-check";
import { isPlannable, upcomingMilestone } from "../planning/targets";

/**
 * Why each message was or was not sent, and what happens next (SPEC §1.7): the contact's
 * decisions with their reasons, oldest first, its deliveries, and its next planned steps.
 */
export async function contactTimeline(db: Db, tenantId: string, contactId: string) {
  const contact = await loadContact(db, contactId, false);
  if (!contact || contact.tenantId !== tenantId) return null;
  const [events, rows, histories] = await Promise.all([
    db
      .select()
      .from(engineEvents)
      .where(and(eq(engineEvents.tenantId, tenantId), eq(engineEvents.contactId, contactId)))
      .orderBy(asc(engineEvents.at), asc(engineEvents.seq)),
    db
      .select({ delivery: deliveries, stage: reminders.key, sequence: reminders.sequence })
      .from(deliveries)
      .innerJoin(reminders, eq(reminders.id, deliveries.reminderId))
      .where(and(eq(deliveries.tenantId, tenantId), eq(deliveries.contactId, contactId)))
      .orderBy(asc(deliveries.dueAt), asc(deliveries.channel)),
    currentHistories(db, [contact]),
  ]);
  const deliveryList = rows.map((r) => ({ ...r.delivery, stage: r.stage, sequence: r.sequence }));
  const upcoming = deliveryList
    .filter((d) => d.status === "pending" || d.status === "sending")
    .map((d) => ({
      at: d.nextAttemptAt ?? d.dueAt,
      what: `${d.stage} on ${d.channel}${d.attemptCount ? ` (retry ${d.attemptCount})` : ""}`,
    }));
  const milestone = isPlannable(contact)
    ? upcomingMilestone(contact, histories.get(contact.id)!)
    : null;
  if (milestone)
    upcoming.push({ at: milestone.reachedAt, what: `${milestone.key} reached; planned then` });
  return {
    contact: {
      id: contact.id,
      name: contact.name,
      externalId: contact.externalId,
      zone: contact.zone,
      lastActivityAt: contact.lastActivityAt,
    },
    events: events.map((e) => ({
      at: e.at,
      type: e.type,
      reason: e.reason,
      deliveryId: e.deliveryId,
    })),
    deliveries: deliveryList,
    next: upcoming.sort((a, b) => a.at.getTime() - b.at.getTime()),
    doNotContact: isDoNotContact(contact, contact.settings.excludeDoNotContact),
  };
}
