import { and, asc, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { deliveries, engineEvents, reminders } from "@/db/schema";
import { stageLabels } from "@/server/settings/stage-labels";
import { isDoNotContact } from "../audience";
import { loadContact, type ContactContext } from "../contact-context";
import { openCycles } from "../ledger/cycle-history";
import { currentHistories } from "../planning/next-check";
import { isPlannable, upcomingMilestone } from "../planning/targets";

/**
 * Why each message was or was not sent, and what happens next (SPEC §1.7): the contact's
 * decisions with their reasons, oldest first, its deliveries, and its next planned steps.
 */
export async function contactTimeline(db: Db, tenantId: string, contactId: string) {
  const contact = await loadContact(db, tenantId, contactId);
  if (!contact) return null;
  const [events, rows, histories, [openCycle]] = await Promise.all([
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
    openCycles(db, [contact.id]),
  ]);
  // A held-out cycle plans like any other, but nothing of it is sent (SPEC §1.8).
  const heldOut = openCycle?.heldOut ? " (held out: recorded, not sent)" : "";
  // People read the stage's label and the channel's name, not the keys (a stage since removed
  // from the cadence keeps its key).
  const labels = stageLabels(contact.settings);
  const deliveryList = rows.map((r) => ({
    ...r.delivery,
    stage: r.stage,
    stageLabel: labels[r.stage] ?? r.stage,
    sequence: r.sequence,
  }));
  const upcoming = deliveryList
    .filter((d) => d.status === "pending" || d.status === "sending")
    .map((d) => ({
      at: d.nextAttemptAt ?? d.dueAt,
      what: `${d.stageLabel} on ${channelWords[d.channel]}${d.attemptCount ? ` (retry ${d.attemptCount})` : ""}${heldOut}`,
    }));
  const attention = needsAttention(contact, events);
  // A contact set aside may be one whose data the rules cannot work with: say so, not crash.
  const milestone =
    isPlannable(contact) && !attention
      ? upcomingMilestone(contact, histories.get(contact.id)!)
      : null;
  if (attention)
    upcoming.push({ at: attention.retryAt, what: "tried again after an engine error" });
  if (milestone)
    upcoming.push({
      at: milestone.reachedAt,
      what: `${labels[milestone.key] ?? milestone.key} reached; planned then${heldOut}`,
    });
  return {
    contact: {
      id: contact.id,
      name: contact.name,
      externalId: contact.externalId,
      zone: displayZone(contact.zone),
      lastActivityAt: contact.lastActivityAt,
      heldOut: openCycle?.heldOut ?? false,
    },
    attention,
    events: events.map((e) => ({
      at: e.at,
      type: e.type,
      reason: e.reason,
      deliveryId: e.deliveryId,
      detail: e.type === "engine_error" ? ((e.data as EngineErrorData).error ?? "") : null,
    })),
    deliveries: deliveryList,
    next: upcoming.sort((a, b) => a.at.getTime() - b.at.getTime()),
    moduleHold: moduleHold[contact.moduleState],
    doNotContact: isDoNotContact(contact, contact.settings.excludeDoNotContact),
  };
}

/** Why nothing happens while the module is not active (SPEC §1.9); null when it runs. */
const moduleHold: Record<ContactContext["moduleState"], string | null> = {
  active: null,
  paused:
    "Reactivation is paused in this workspace: nothing is planned or sent until an owner resumes it. Then reminders that came due meanwhile go out, the highest stage only.",
  deferred:
    "Reactivation is not active yet: its activation is waiting for what the Activation page lists. Nothing is planned or sent until then.",
  inactive:
    "Reactivation is not active in this workspace: nothing is planned or sent until an owner activates it.",
};

const channelWords: Record<string, string> = {
  email: "email",
  sms: "SMS",
  web_push: "web push",
  zalo: "Zalo",
};

type EngineErrorData = { error?: string; retryAt?: string };

/**
 * Why the engine set the contact aside and when it tries again (the last `engine_error`), or
 * null when its steps succeed.
 */
function needsAttention(
  contact: { engineFailures: number; engineError: string | null; engineErrorAt: Date | null },
  events: { type: string; data: Record<string, unknown> }[],
) {
  if (contact.engineFailures === 0) return null;
  const last = events.findLast((e) => e.type === "engine_error")?.data as EngineErrorData;
  return {
    failures: contact.engineFailures,
    error: contact.engineError ?? "",
    since: contact.engineErrorAt,
    retryAt: new Date(last?.retryAt ?? contact.engineErrorAt ?? 0),
  };
}

/** The contact's zone when times can be shown in it; UTC for a zone the runtime does not know. */
function displayZone(zone: string): string {
  try {
    new Intl.DateTimeFormat("en", { timeZone: zone });
    return zone;
  } catch {
    return "UTC";
  }
}
