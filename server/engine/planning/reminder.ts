import type { Channel } from "@/db/schema/enums";
import type { DeliveryStatus } from "@/db/schema/ledger";
import { channelBlock, type SkipReason } from "../audience";
import { pastDailyCap } from "../cap";
import { addressOn, type ContactContext } from "../contact-context";
import type { ReminderSummary } from "../ledger/cycle-history";
import type { EngineEventType } from "../ledger/events";
import { outOfQuietHours } from "../quiet-hours";
import { describeLocal, localDate } from "../time";
import type { Target } from "./targets";

export type PlannedDelivery = {
  channel: Channel;
  status: Extract<DeliveryStatus, "pending" | "skipped" | "superseded">;
  reason: string | null;
  dueAt: Date;
  nextAttemptAt: Date | null;
  finishedAt: Date | null;
};

/** A decision for the event log; one naming a channel is about that channel's delivery. */
export type PlanNote = { type: EngineEventType; reason: string; channel?: Channel };

/** A reminder with its deliveries and the reasons for them, ready to be written. */
export type PlannedReminder = { target: Target; deliveries: PlannedDelivery[]; notes: PlanNote[] };

/**
 * Plans one reminder on every enabled channel. SPEC §1.1–1.2: due when reached, or when first seen
 * if later; then moved out of quiet hours; then past the daily cap. Channels go out together, so
 * all share the latest of their due times; a channel that may not be used is skipped with why.
 * `busyDays` gives the local dates on which a channel already carries a reminder.
 */
export function planSend(
  contact: ContactContext,
  target: Target,
  busyDays: (channel: Channel) => ReadonlySet<string>,
  now: Date,
): PlannedReminder {
  const { settings, zone } = contact;
  const firstSeen = target.reachedAt > now ? target.reachedAt : now;
  const outOfQuiet = outOfQuietHours(firstSeen, settings.quietHours, zone);
  const blocks = new Map<Channel, SkipReason | null>(
    settings.channels.map((c) => [
      c,
      channelBlock(contact, c, settings.excludeDoNotContact) ??
        (addressOn(contact, c) ? null : "unreachable"),
    ]),
  );
  let due = outOfQuiet;
  for (const channel of settings.channels) {
    if (blocks.get(channel)) continue;
    const capped = pastDailyCap(outOfQuiet, busyDays(channel), settings.quietHours, zone);
    if (capped > due) due = capped;
  }

  const notes: PlanNote[] = [{ type: "stage_reached", reason: reachedReason(target, zone) }];
  if (outOfQuiet.getTime() !== firstSeen.getTime()) {
    const { start, end } = settings.quietHours;
    notes.push({
      type: "deferred_quiet_hours",
      reason: `${describeLocal(firstSeen, zone)} is inside quiet hours ${start}–${end}; moved to ${describeLocal(outOfQuiet, zone)}.`,
    });
  }
  if (due.getTime() !== outOfQuiet.getTime()) {
    notes.push({
      type: "capped",
      reason: `A channel already carries a reminder on ${localDate(outOfQuiet, zone)}; moved to ${describeLocal(due, zone)}.`,
    });
  }
  const deliveries = settings.channels.map((channel): PlannedDelivery => {
    const block = blocks.get(channel) ?? null;
    if (block)
      notes.push({ type: "skipped", channel, reason: `Not sent on ${channel}: ${block}.` });
    return block
      ? {
          channel,
          dueAt: due,
          status: "skipped",
          reason: block,
          nextAttemptAt: null,
          finishedAt: now,
        }
      : {
          channel,
          dueAt: due,
          status: "pending",
          reason: null,
          nextAttemptAt: due,
          finishedAt: null,
        };
  });
  return { target, deliveries, notes };
}

/**
 * A lower stage reached together with a higher one (SPEC §1.1 "highest stage only"): recorded
 * with every channel `superseded`, so it is never sent later in the cycle.
 */
export function planSuperseded(
  contact: ContactContext,
  target: Target,
  by: string,
  now: Date,
): PlannedReminder {
  const notes: PlanNote[] = [
    { type: "stage_reached", reason: reachedReason(target, contact.zone) },
  ];
  const deliveries = contact.settings.channels.map((channel): PlannedDelivery => {
    notes.push({
      type: "superseded",
      channel,
      reason: `Not sent on ${channel}: ${by} was reached too, and only the highest stage is sent.`,
    });
    return {
      channel,
      dueAt: target.reachedAt,
      status: "superseded",
      reason: `superseded by ${by}`,
      nextAttemptAt: null,
      finishedAt: now,
    };
  });
  return { target, deliveries, notes };
}

function reachedReason(target: Target, zone: string): string {
  const what =
    target.key === "recurring" ? `Recurring reminder ${target.sequence}` : `Stage ${target.key}`;
  return `${what} reached at ${describeLocal(target.reachedAt, zone)}.`;
}

/**
 * A cycle's history once `planned` is written (and, with `supersededEarlier`, once its waiting
 * deliveries were superseded): what the database would answer, without asking it again.
 */
export function historyAfter(
  history: ReminderSummary[],
  supersededEarlier: boolean,
  planned: { id: string; reminder: PlannedReminder }[],
): ReminderSummary[] {
  const earlier = history.map((r) => {
    if (!supersededEarlier || r.waiting === 0) return r;
    const live = r.live - r.waiting;
    return { ...r, live, waiting: 0, void: live === 0 && r.firstAttemptAt === null };
  });
  const added = planned.map(({ id, reminder }): ReminderSummary => {
    const live = reminder.deliveries.filter((d) => d.status === "pending").length;
    return { id, ...reminder.target, firstAttemptAt: null, live, waiting: live, void: live === 0 };
  });
  // Ordered by when they were reached; a new reminder comes after an older one reached together.
  return [...earlier, ...added].sort((a, b) => a.reachedAt.getTime() - b.reachedAt.getTime());
}
