import type { Channel } from "@/db/schema/enums";
import { addMoney, type Money } from "./money";

const DAY_MS = 86_400_000;

/** A channel that delivered a reminder: the first successful send on it, with what it sent. */
export type DeliveredChannel = { channel: Channel; variant: string; ctaKind: string; at: Date };

/** One reminder of a cycle as attribution sees it (SPEC §1.8). */
export type ReminderFacts = {
  id: string;
  /** The stage key, or `recurring`. */
  stage: string;
  /** The channels that delivered it; none when nothing went out. */
  delivered: DeliveredChannel[];
  /** Every opening of one of its tracked links. */
  clicks: { channel: Channel; at: Date }[];
};

/** One inactivity cycle with what happened in it. */
export type CycleFacts = {
  id: string;
  contactId: string;
  startedAt: Date;
  /** The qualifying activity that closed it, if the contact came back. */
  returnedAt: Date | null;
  heldOut: boolean;
  /** Held out: when its first delivery would have gone out (SPEC §1.8 "would-be send"). */
  wouldBeAt: Date | null;
  reminders: ReminderFacts[];
};

/** A revenue-carrying activity of a contact (any kind: the return, purchases, visits…). */
export type RevenueEvent = { at: Date; revenueMinor: number; currency: string | null };

/** What a cycle counts for in every metric. */
export type CycleOutcome = {
  cycle: CycleFacts;
  /** Not held out, and a reminder was sent on at least one channel (SPEC §1.8 "reached"). */
  reached: boolean;
  /**
   * The reminder a return is measured against: the most recent one sent before the return (or,
   * without a return, the most recent one sent). Groups over time use its first send.
   */
  attributed: { reminder: ReminderFacts; firstSentAt: Date } | null;
  reactivated: boolean;
  /** The channels (with the variant each sent) credited with the reactivation. */
  credited: DeliveredChannel[];
  /** Credited through an opened link (to its channel only) rather than to every channel. */
  creditedByClick: boolean;
  /** Held out, with a would-be send, and the contact returned within the window after it. */
  heldOutReturned: boolean;
  /** The revenue of the reactivation, or of the held-out return; empty otherwise. */
  revenue: Money;
};

/** When a reminder first went out successfully on any channel. */
export function firstSentAt(reminder: ReminderFacts): Date | null {
  let first: Date | null = null;
  for (const d of reminder.delivered) if (!first || d.at < first) first = d.at;
  return first;
}

/** Exact windows of N × 24 h that include both ends. */
export function withinWindow(from: Date, at: Date, windowDays: number): boolean {
  const elapsed = at.getTime() - from.getTime();
  return elapsed >= 0 && elapsed <= windowDays * DAY_MS;
}

/**
 * SPEC §1.8: the cycle's most recent reminder whose first successful delivery was not after
 * `returnedAt`, and whether the return falls within the attribution window after it.
 */
export function attributedReminder(
  reminders: ReminderFacts[],
  returnedAt: Date | null,
  windowDays: number,
): { reminder: ReminderFacts; firstSentAt: Date; reactivated: boolean } | null {
  let best: { reminder: ReminderFacts; firstSentAt: Date } | null = null;
  for (const reminder of reminders) {
    const sent = firstSentAt(reminder);
    if (!sent || (returnedAt && sent > returnedAt)) continue;
    if (!best || sent > best.firstSentAt) best = { reminder, firstSentAt: sent };
  }
  if (!best) return null;
  const reactivated = returnedAt !== null && withinWindow(best.firstSentAt, returnedAt, windowDays);
  return { ...best, reactivated };
}

/**
 * SPEC §1.8 "by channel and variant": the channel of the last link of the reminder opened before
 * the return; without one, every channel that delivered the reminder.
 */
export function creditedChannels(
  reminder: ReminderFacts,
  returnedAt: Date,
): { channels: DeliveredChannel[]; byClick: boolean } {
  let last: { channel: Channel; at: Date } | null = null;
  for (const click of reminder.clicks)
    if (click.at <= returnedAt && (!last || click.at >= last.at)) last = click;
  const clicked = last && reminder.delivered.find((d) => d.channel === last.channel);
  if (clicked) return { channels: [clicked], byClick: true };
  return { channels: reminder.delivered, byClick: false };
}

/** The revenue of the contact's activity from the return through the window after it. */
export function revenueAfter(events: RevenueEvent[], returnedAt: Date, windowDays: number): Money {
  let total: Money = {};
  for (const e of events)
    if (e.currency && e.revenueMinor !== 0 && withinWindow(returnedAt, e.at, windowDays))
      total = addMoney(total, { [e.currency]: e.revenueMinor });
  return total;
}

/** What one cycle counts for (SPEC §1.8), given its contact's revenue-carrying activity. */
export function cycleOutcome(
  cycle: CycleFacts,
  revenueEvents: RevenueEvent[],
  windowDays: number,
): CycleOutcome {
  const attributed = attributedReminder(cycle.reminders, cycle.returnedAt, windowDays);
  const reactivated = !cycle.heldOut && attributed?.reactivated === true;
  const credit =
    reactivated && attributed && cycle.returnedAt
      ? creditedChannels(attributed.reminder, cycle.returnedAt)
      : { channels: [], byClick: false };
  const heldOutReturned =
    cycle.heldOut &&
    cycle.wouldBeAt !== null &&
    cycle.returnedAt !== null &&
    withinWindow(cycle.wouldBeAt, cycle.returnedAt, windowDays);
  const revenue =
    (reactivated || heldOutReturned) && cycle.returnedAt
      ? revenueAfter(revenueEvents, cycle.returnedAt, windowDays)
      : {};
  return {
    cycle,
    // Sent on a channel at all, even if only after the return (an attempt in flight when the
    // contact came back): a reminder sent after the return is not attributed, but it reached.
    reached: !cycle.heldOut && cycle.reminders.some((r) => r.delivered.length > 0),
    attributed: attributed && {
      reminder: attributed.reminder,
      firstSentAt: attributed.firstSentAt,
    },
    reactivated,
    credited: credit.channels,
    creditedByClick: credit.byClick,
    heldOutReturned,
    revenue,
  };
}
