import { and, eq, inArray } from "drizzle-orm";
import type { Db } from "@/db/client";
import { deliveries, reminders } from "@/db/schema";
import type { Channel } from "@/db/schema/enums";
import { channelBlock, type SkipReason } from "../audience";
import { pastDailyCap } from "../cap";
import { addressOn, type ContactContext } from "../contact-context";
import { logEvents, type EngineEvent } from "../ledger/events";
import { outOfQuietHours } from "../quiet-hours";
import { localDate } from "../time";

type Target = { key: string; sequence: number; reachedAt: Date };

const describe = (at: Date, zone: string) =>
  `${localDate(at, zone)} ${at.toLocaleTimeString("en-GB", { timeZone: zone, hour: "2-digit", minute: "2-digit" })} ${zone}`;

/**
 * Plans one reminder on every enabled channel. SPEC §1.1–1.2: due when reached, or when first seen
 * if later; then moved out of quiet hours; then past the daily cap. Channels go out together, so
 * all share the latest of their due times; a channel that may not be used is skipped with why.
 */
export async function planReminder(
  db: Db,
  contact: ContactContext,
  cycleId: string,
  target: Target,
  now: Date,
): Promise<void> {
  const { settings, zone } = contact;
  const reminder = await insertReminder(db, contact, cycleId, target, now);
  if (!reminder) return; // planned already by a repeated run
  const ids = {
    tenantId: contact.tenantId,
    contactId: contact.id,
    cycleId,
    reminderId: reminder.id,
  };
  const firstSeen = target.reachedAt > now ? target.reachedAt : now;
  const outOfQuiet = outOfQuietHours(firstSeen, settings.quietHours, zone);
  const blocks = new Map<Channel, SkipReason | null>(
    settings.channels.map((c) => [
      c,
      channelBlock(contact, c, settings.excludeDoNotContact) ??
        (addressOn(contact, c) ? null : "unreachable"),
    ]),
  );
  const open = settings.channels.filter((c) => blocks.get(c) === null);
  let due = outOfQuiet;
  for (const channel of open) {
    const capped = pastDailyCap(
      outOfQuiet,
      await busyDays(db, contact, channel),
      settings.quietHours,
      zone,
    );
    if (capped > due) due = capped;
  }

  const events: EngineEvent[] = [
    {
      ...ids,
      type: "stage_reached",
      at: now,
      reason: reachedReason(target, zone),
    },
  ];
  if (outOfQuiet.getTime() !== firstSeen.getTime()) {
    events.push({
      ...ids,
      type: "deferred_quiet_hours",
      at: now,
      reason: `${describe(firstSeen, zone)} is inside quiet hours ${settings.quietHours.start}–${settings.quietHours.end}; moved to ${describe(outOfQuiet, zone)}.`,
    });
  }
  if (due.getTime() !== outOfQuiet.getTime()) {
    events.push({
      ...ids,
      type: "capped",
      at: now,
      reason: `A channel already carries a reminder on ${localDate(outOfQuiet, zone)}; moved to ${describe(due, zone)}.`,
    });
  }
  const rows = settings.channels.map((channel) => {
    const block = blocks.get(channel) ?? null;
    return {
      ...ids,
      channel,
      dueAt: due,
      status: block ? ("skipped" as const) : ("pending" as const),
      reason: block,
      nextAttemptAt: block ? null : due,
      finishedAt: block ? now : null,
    };
  });
  const inserted = rows.length ? await db.insert(deliveries).values(rows).returning() : [];
  for (const d of inserted.filter((d) => d.status === "skipped")) {
    events.push({
      ...ids,
      deliveryId: d.id,
      type: "skipped",
      at: now,
      reason: `Not sent on ${d.channel}: ${d.reason}.`,
    });
  }
  await logEvents(db, events);
}

/** Local dates on which `channel` already carries a reminder of this contact (SPEC §1.2 cap). */
async function busyDays(db: Db, contact: ContactContext, channel: Channel): Promise<Set<string>> {
  const rows = await db
    .select({ dueAt: deliveries.dueAt, firstAttemptAt: deliveries.firstAttemptAt })
    .from(deliveries)
    .where(
      and(
        eq(deliveries.contactId, contact.id),
        eq(deliveries.channel, channel),
        inArray(deliveries.status, ["pending", "sending", "sent", "failed"]),
      ),
    );
  return new Set(rows.map((r) => localDate(r.firstAttemptAt ?? r.dueAt, contact.zone)));
}

/**
 * A lower stage reached together with a higher one (SPEC §1.1 "highest stage only"): recorded
 * with every channel `superseded`, so it is never sent later in the cycle.
 */
export async function planSuperseded(
  db: Db,
  contact: ContactContext,
  cycleId: string,
  target: Target,
  by: string,
  now: Date,
): Promise<void> {
  const reminder = await insertReminder(db, contact, cycleId, target, now);
  if (!reminder) return;
  const ids = {
    tenantId: contact.tenantId,
    contactId: contact.id,
    cycleId,
    reminderId: reminder.id,
  };
  const rows = await db
    .insert(deliveries)
    .values(
      contact.settings.channels.map((channel) => ({
        ...ids,
        channel,
        dueAt: target.reachedAt,
        status: "superseded" as const,
        reason: `superseded by ${by}`,
        finishedAt: now,
      })),
    )
    .returning();
  await logEvents(db, [
    { ...ids, type: "stage_reached", at: now, reason: reachedReason(target, contact.zone) },
    ...rows.map((d) => ({
      ...ids,
      deliveryId: d.id,
      type: "superseded" as const,
      at: now,
      reason: `Not sent on ${d.channel}: ${by} was reached too, and only the highest stage is sent.`,
    })),
  ]);
}

async function insertReminder(
  db: Db,
  contact: ContactContext,
  cycleId: string,
  target: Target,
  now: Date,
) {
  const [reminder] = await db
    .insert(reminders)
    .values({
      tenantId: contact.tenantId,
      contactId: contact.id,
      cycleId,
      ...target,
      plannedAt: now,
    })
    .onConflictDoNothing()
    .returning();
  return reminder ?? null;
}

function reachedReason(target: Target, zone: string): string {
  const what =
    target.key === "recurring" ? `Recurring reminder ${target.sequence}` : `Stage ${target.key}`;
  return `${what} reached at ${describe(target.reachedAt, zone)}.`;
}
