import { outOfQuietHours, type QuietHours } from "./quiet-hours";

export type FailureKind = "transient" | "permanent";

/**
 * SPEC §1.3: "retry k is due at the time the attempt that just failed actually ran plus the k-th
 * offset (+5 min, +30 min, +2 h); a retry time inside quiet hours moves to the next 08:00 local".
 * Null once the offsets are used up: the delivery is then `failed`.
 */
export function retryAt(
  failedAttemptAt: Date,
  retryNumber: number,
  offsetsMinutes: number[],
  quiet: QuietHours,
  zone: string,
): Date | null {
  const offset = offsetsMinutes[retryNumber - 1];
  if (offset === undefined) return null;
  return outOfQuietHours(new Date(failedAttemptAt.getTime() + offset * 60_000), quiet, zone);
}
