import { and, asc, eq, isNull, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { cycles, deliveries, reminders } from "@/db/schema";
import type { ContactContext } from "../contact-context";
import { recurringReachedAt } from "../stages";
import { logEvents } from "./events";

/** The contact's open cycle for its current last activity; a stale open cycle is closed first. */
export async function currentCycle(db: Db, contact: ContactContext, now: Date) {
  const startedAt = contact.lastActivityAt!;
  const [open] = await db
    .select()
    .from(cycles)
    .where(and(eq(cycles.contactId, contact.id), isNull(cycles.closedAt)));
  if (open && open.startedAt.getTime() === startedAt.getTime()) return open;
  if (open) await closeCycle(db, open, "activity", now);
  const [created] = await db
    .insert(cycles)
    .values({ tenantId: contact.tenantId, contactId: contact.id, startedAt })
    .onConflictDoNothing()
    .returning();
  // A cycle for this activity that was closed (e.g. a reset replayed) is not reopened.
  const cycle =
    created ??
    (
      await db
        .select()
        .from(cycles)
        .where(and(eq(cycles.contactId, contact.id), eq(cycles.startedAt, startedAt)))
    )[0]!;
  if (created) {
    await logEvents(db, [
      {
        tenantId: contact.tenantId,
        contactId: contact.id,
        cycleId: cycle.id,
        type: "cycle_started",
        at: now,
        reason: `Inactivity cycle counted from the last activity at ${startedAt.toISOString()}.`,
      },
    ]);
  }
  return cycle;
}

export async function closeCycle(
  db: Db,
  cycle: typeof cycles.$inferSelect,
  reason: string,
  now: Date,
): Promise<void> {
  await db
    .update(cycles)
    .set({ closedAt: now, closeReason: reason })
    .where(and(eq(cycles.id, cycle.id), isNull(cycles.closedAt)));
}

export type ReminderSummary = {
  id: string;
  key: string;
  sequence: number;
  reachedAt: Date;
  firstAttemptAt: Date | null;
  /** Every delivery was skipped or superseded: it counts for nothing. */
  void: boolean;
};

/** The cycle's reminders in the order they were reached, with what their deliveries did. */
export async function cycleReminders(db: Db, cycleId: string): Promise<ReminderSummary[]> {
  const rows = await db
    .select({
      id: reminders.id,
      key: reminders.key,
      sequence: reminders.sequence,
      reachedAt: reminders.reachedAt,
      firstAttemptAt: sql<Date | null>`min(${deliveries.firstAttemptAt})`.mapWith(
        (v: string | Date | null) => (v === null ? null : new Date(v)),
      ),
      live: sql<number>`count(*) filter (where ${deliveries.status} not in ('skipped', 'superseded'))`.mapWith(
        Number,
      ),
    })
    .from(reminders)
    .leftJoin(deliveries, eq(deliveries.reminderId, reminders.id))
    .where(eq(reminders.cycleId, cycleId))
    .groupBy(reminders.id)
    .orderBy(asc(reminders.reachedAt), asc(reminders.plannedAt));
  return rows.map(({ live, ...r }) => ({ ...r, void: live === 0 && r.firstAttemptAt === null }));
}

/**
 * SPEC §1.1: the recurring count runs from "the first attempt of the last reminder of the cycle
 * (whatever its outcome; a reminder skipped on every channel does not count)". Null while that
 * reminder has not been attempted yet, or when no reminder counts.
 */
export function recurringBase(history: ReminderSummary[]): Date | null {
  const last = history.filter((r) => !r.void).at(-1);
  return last?.firstAttemptAt ?? null;
}

/**
 * When the next recurring reminder is reached: N local days after the base, then every N days.
 * A recurring reminder skipped on every channel does not move the base, but its own milestone is
 * past: the next one is the first multiple of N days after it (so a contact reachable on no
 * channel gets one skipped reminder every N days, not one per engine tick).
 */
export function nextRecurringAt(
  history: ReminderSummary[],
  everyDays: number | null,
  zone: string,
): Date | null {
  const base = recurringBase(history);
  if (!everyDays || !base) return null;
  const lastRecurring = history.filter((r) => r.key === "recurring").at(-1);
  let at = recurringReachedAt(base, everyDays, zone);
  while (lastRecurring && at <= lastRecurring.reachedAt)
    at = recurringReachedAt(at, everyDays, zone);
  return at;
}
