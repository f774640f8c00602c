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
