import { isDoNotContact } from "../audience";
import type { ContactContext } from "../contact-context";
import { nextRecurringAt, type ReminderSummary } from "../ledger/cycle-history";
import {
  nextMilestone,
  pendingStages,
  recurringReachedAt,
  splitReached,
  type Milestone,
} from "../stages";

/** A reminder to record: a one-time stage (sequence 0) or the n-th recurring one. */
export type Target = { key: string; sequence: number; reachedAt: Date };

/** What a contact's cycle asks for at `now`. */
export type Targets = {
  /** The reminder to send, if a milestone was reached. */
  send: Target | null;
  /** Lower stages reached together with `send`: recorded, never sent (SPEC §1.1). */
  superseded: Target[];
};

/** Planning applies to contacts with a last activity who are not excluded. */
export function isPlannable(contact: ContactContext): boolean {
  return (
    contact.lastActivityAt !== null &&
    !isDoNotContact(contact, contact.settings.excludeDoNotContact)
  );
}

/**
 * SPEC §1.1: of the one-time stages reached by `now` the highest is sent and the lower ones are
 * superseded; otherwise a recurring reminder whose time has come.
 */
export function chooseTargets(
  contact: ContactContext,
  history: ReminderSummary[],
  now: Date,
): Targets {
  const { cadence } = contact.settings;
  const { highest, superseded } = splitReached(pendingOf(contact, history), now);
  if (highest) {
    return {
      send: { key: highest.key, sequence: 0, reachedAt: highest.reachedAt },
      superseded: superseded.map((m) => ({ key: m.key, sequence: 0, reachedAt: m.reachedAt })),
    };
  }
  const recurringAt = nextRecurringAt(history, cadence.recurringEveryDays, contact.zone);
  if (!recurringAt || recurringAt > now) return { send: null, superseded: [] };
  const reachedAt = latestReached(recurringAt, cadence.recurringEveryDays!, contact.zone, now);
  const sequence = history.filter((r) => r.key === "recurring").length + 1;
  return { send: { key: "recurring", sequence, reachedAt }, superseded: [] };
}

/**
 * Of the recurring milestones reached by `now`, the latest: as with stages, only the highest
 * milestone reached is planned (SPEC §1.1), the earlier ones are never sent. Several have passed
 * after downtime, when a settings change sets or shortens the interval, or while each one is
 * skipped on every channel (which does not move the count): one reminder for all of them, not
 * one per planning step at the same instant.
 */
function latestReached(first: Date, everyDays: number, zone: string, now: Date): Date {
  let latest = first;
  for (let next = recurringReachedAt(first, everyDays, zone); next <= now;) {
    latest = next;
    next = recurringReachedAt(next, everyDays, zone);
  }
  return latest;
}

/** The cycle's next milestone after what is planned so far (SPEC §1.1). */
export function upcomingMilestone(
  contact: ContactContext,
  history: ReminderSummary[],
): Milestone | null {
  return nextMilestone(
    pendingOf(contact, history),
    nextRecurringAt(history, contact.settings.cadence.recurringEveryDays, contact.zone),
  );
}

function pendingOf(contact: ContactContext, history: ReminderSummary[]): Milestone[] {
  const handled = new Set(history.map((r) => r.key));
  return pendingStages(
    contact.settings.cadence.stages,
    handled,
    contact.lastActivityAt!,
    contact.zone,
  );
}
