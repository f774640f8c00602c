import type { Stage } from "@/server/settings/schema";
import { addLocalDays, addLocalMonths, localDate, localMidnight } from "./time";

export type Milestone = { key: string; reachedAt: Date };

/**
 * SPEC §1.1: every threshold "counts from the local date of the last activity", months are
 * calendar months, and "a stage is reached at the local midnight that starts the day on which
 * the threshold holds".
 */
export function stageReachedAt(lastActivityAt: Date, stage: Stage, zone: string): Date {
  const last = localDate(lastActivityAt, zone);
  const day =
    stage.unit === "day"
      ? addLocalDays(last, stage.threshold)
      : addLocalMonths(last, stage.threshold);
  return localMidnight(day, zone);
}

/** The one-time stages not yet handled in this cycle, earliest first. */
export function pendingStages(
  stages: Stage[],
  handled: ReadonlySet<string>,
  lastActivityAt: Date,
  zone: string,
): Milestone[] {
  return stages
    .filter((s) => !handled.has(s.key))
    .map((s) => ({ key: s.key, reachedAt: stageReachedAt(lastActivityAt, s, zone) }))
    .sort((a, b) => a.reachedAt.getTime() - b.reachedAt.getTime());
}

/**
 * SPEC §1.1 "Highest stage only": of the stages reached by `now`, the highest is sent; the lower
 * ones are superseded.
 */
export function splitReached(pending: Milestone[], now: Date) {
  const reached = pending.filter((m) => m.reachedAt <= now);
  return { highest: reached.at(-1) ?? null, superseded: reached.slice(0, -1) };
}

/**
 * SPEC §1.1 Recurring: "reached at the local midnight N local days after the local date of the
 * first attempt of the last reminder of the cycle".
 */
export function recurringReachedAt(firstAttemptAt: Date, everyDays: number, zone: string): Date {
  return localMidnight(addLocalDays(localDate(firstAttemptAt, zone), everyDays), zone);
}

/**
 * The next milestone of a cycle: the earliest pending stage, unless a recurring reminder comes
 * first ("unless a one-time stage is reached first (then the count restarts from that one)").
 */
export function nextMilestone(pending: Milestone[], recurringAt: Date | null): Milestone | null {
  const stage = pending[0] ?? null;
  if (recurringAt && (!stage || recurringAt < stage.reachedAt)) {
    return { key: "recurring", reachedAt: recurringAt };
  }
  return stage;
}
