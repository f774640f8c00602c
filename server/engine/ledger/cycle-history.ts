import { and, asc, inArray, isNull, sql } from "drizzle-orm";
import { anyOf, insertInChunks, updateInChunks } from "@/db/bulk";
import type { Db } from "@/db/client";
import { asIndexWalk } from "@/db/index-walk";
import { cycles, deliveries, reminders } from "@/db/schema";
import type { ContactContext } from "../contact-context";
import { recurringReachedAt } from "../stages";
import type { StepTime } from "../step-time";
import { isHeldOut } from "@/server/metrics/holdout";
import type { EngineEvent } from "./events";
import { ledgerId } from "@/db/ledger-id";

type Cycle = typeof cycles.$inferSelect;

/**
 * Each contact's open cycle for its current last activity; a stale open cycle is closed first.
 * Returns the cycles by contact id and a `cycle_started` event for every cycle it opened.
 */
export async function currentCycles(
  db: Db,
  list: ContactContext[],
  at: StepTime,
): Promise<{ cycles: Map<string, Cycle>; started: EngineEvent[] }> {
  const found = new Map<string, Cycle>();
  if (list.length === 0) return { cycles: found, started: [] };
  const open = await openCycles(
    db,
    list.map((c) => c.id),
  );
  const openOf = new Map(open.map((c) => [c.contactId, c]));
  const missing = list.filter((c) => {
    const cycle = openOf.get(c.id);
    if (cycle?.startedAt.getTime() !== c.lastActivityAt!.getTime()) return true;
    found.set(c.id, cycle);
    return false;
  });
  const stale = missing.flatMap((c) => openOf.get(c.id) ?? []);
  const lastActivityOf = new Map(list.map((c) => [c.id, c.lastActivityAt!]));
  if (stale.length) await closeCycles(db, stale, (id) => lastActivityOf.get(id)!, at);
  if (missing.length === 0) return { cycles: found, started: [] };
  const rows = missing.map((c) => ({
    id: ledgerId(),
    tenantId: c.tenantId,
    contactId: c.id,
    startedAt: c.lastActivityAt!,
    heldOut: isHeldOut(
      c.tenant.holdoutSalt,
      c.externalId,
      c.lastActivityAt!,
      c.settings.holdoutPercent,
    ),
  }));
  const inserted = new Set(await insertInChunks(db, cycles, rows, { returnIds: true }));
  const created = rows
    .filter((r) => inserted.has(r.id))
    .map((r): Cycle => ({ ...r, closedAt: null, closeReason: null, returnedAt: null }));
  for (const cycle of created) found.set(cycle.contactId, cycle);
  // A cycle for this activity that was closed (e.g. a reset replayed) is not reopened.
  const closed = missing.filter((c) => !found.has(c.id));
  if (closed.length) {
    const existing = await db
      .select()
      .from(cycles)
      .where(
        and(
          anyOf(
            cycles.contactId,
            closed.map((c) => c.id),
          ),
          inArray(
            cycles.startedAt,
            closed.map((c) => c.lastActivityAt!),
          ),
        ),
      );
    for (const c of closed) {
      const cycle = existing.find(
        (r) => r.contactId === c.id && r.startedAt.getTime() === c.lastActivityAt!.getTime(),
      );
      if (cycle) found.set(c.id, cycle);
    }
  }
  const started = created.map((cycle) => ({
    tenantId: cycle.tenantId,
    contactId: cycle.contactId,
    cycleId: cycle.id,
    type: "cycle_started" as const,
    at: at(cycle.contactId),
    reason: `Inactivity cycle counted from the last activity at ${cycle.startedAt.toISOString()}.${
      cycle.heldOut ? " Held out (holdout group): its reminders are planned but not sent." : ""
    }`,
  }));
  return { cycles: found, started };
}

/** The open cycles of these contacts (at most one each). */
export async function openCycles(db: Db, contactIds: string[]): Promise<Cycle[]> {
  if (contactIds.length === 0) return [];
  return db
    .select()
    .from(cycles)
    .where(and(anyOf(cycles.contactId, contactIds), isNull(cycles.closedAt)));
}

/**
 * Closes open cycles because their contacts' last activity moved, each at its contact's instant.
 * A move forward is a return at the new last activity (SPEC §1.8); a correction backwards is not.
 * Callers hold the contacts' locks.
 */
export async function closeCycles(
  db: Db,
  list: Pick<Cycle, "id" | "contactId" | "startedAt">[],
  lastActivityOf: (contactId: string) => Date,
  at: StepTime,
): Promise<void> {
  await updateInChunks(
    db,
    cycles,
    list.map((c) => {
      const last = lastActivityOf(c.contactId);
      return {
        id: c.id,
        closedAt: at(c.contactId),
        closeReason: "activity",
        returnedAt: last > c.startedAt ? last : null,
      };
    }),
  );
}

export type ReminderSummary = {
  id: string;
  key: string;
  sequence: number;
  reachedAt: Date;
  firstAttemptAt: Date | null;
  /**
   * Every delivery was skipped, superseded or canceled by a settings change before an attempt:
   * it counts for nothing.
   */
  void: boolean;
  /** Deliveries neither skipped, superseded nor removed by a settings change. */
  live: number;
  /** Deliveries still waiting to be sent (a higher milestone supersedes them). */
  waiting: number;
};

/** Each cycle's reminders in the order they were reached, with what their deliveries did. */
export async function cycleReminders(
  db: Db,
  cycleIds: string[],
): Promise<Map<string, ReminderSummary[]>> {
  const byCycle = new Map<string, ReminderSummary[]>(cycleIds.map((id) => [id, []]));
  if (cycleIds.length === 0) return byCycle;
  // Per reminder, a lateral lookup on the (reminder, channel) index: the plan stays an index walk
  // however large `deliveries` grows, even where statistics are stale (PGlite has no autovacuum).
  // Without `asIndexWalk`, stale statistics made each lookup a bitmap scan, which reads every
  // dead version of the reminder's deliveries again (12 ms a call over the simulated year, 17
  // as bitmap scans).
  const summary = sql`lateral (
    select min(d.first_attempt_at) as first_attempt_at,
      count(*) filter (where d.status not in ('skipped', 'superseded')
        and (d.status <> 'canceled' or d.reason is distinct from 'settings_changed')) as live,
      count(*) filter (where d.status in ('pending', 'sending') and d.in_flight_attempt is null) as waiting
    from ${deliveries} d where d.reminder_id = ${reminders.id}) s`;
  const rows = await asIndexWalk(db, () =>
    db
      .select({
        cycleId: reminders.cycleId,
        id: reminders.id,
        key: reminders.key,
        sequence: reminders.sequence,
        reachedAt: reminders.reachedAt,
        firstAttemptAt: sql<Date | null>`s.first_attempt_at`.mapWith((v: string | Date | null) =>
          v === null ? null : new Date(v),
        ),
        live: sql<number>`s.live`.mapWith(Number),
        waiting: sql<number>`s.waiting`.mapWith(Number),
      })
      .from(reminders)
      .leftJoin(summary, sql`true`)
      .where(anyOf(reminders.cycleId, cycleIds))
      .orderBy(asc(reminders.reachedAt), asc(reminders.plannedAt)),
  );
  for (const { cycleId, ...r } of rows) {
    byCycle.get(cycleId)!.push({ ...r, void: r.live === 0 && r.firstAttemptAt === null });
  }
  return byCycle;
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
