import type { ActivityKind } from "@/db/schema/enums";

/** SPEC §1.1: a completed exercise or a booked/completed job moves `lastActivityAt`. */
const QUALIFYING: ReadonlySet<ActivityKind> = new Set([
  "exercise_completed",
  "job_booked",
  "job_completed",
]);

export function isQualifying(kind: ActivityKind): boolean {
  return QUALIFYING.has(kind);
}

/** Clocks drift; an event further ahead of the server than this is a client bug, not activity. */
export const MAX_FUTURE_SKEW_MS = 5 * 60_000;

export function isInFuture(occurredAt: Date, now: Date): boolean {
  return occurredAt.getTime() - now.getTime() > MAX_FUTURE_SKEW_MS;
}
