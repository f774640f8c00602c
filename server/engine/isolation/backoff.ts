/**
 * How long a contact the engine failed on is set aside, by its failures in a row: soon at first
 * (a passing fault heals by itself), then less and less often, at least once a day, so a
 * poisoned row costs almost nothing while it waits for someone to repair it.
 */
export const ENGINE_BACKOFF_MINUTES = [1, 5, 30, 120, 360, 1440];

/** When a contact set aside after its `failures`-th failure in a row is tried again. */
export function engineRetryAt(failures: number, now: Date): Date {
  const index = Math.min(Math.max(failures, 1), ENGINE_BACKOFF_MINUTES.length) - 1;
  return new Date(now.getTime() + ENGINE_BACKOFF_MINUTES[index]! * 60_000);
}
