import { resumeTimeNextDay, type QuietHours } from "./quiet-hours";
import { localDate } from "./time";

/**
 * SPEC §1.2 Cap: "at most one reminder per channel per local day per contact … A reminder that
 * would break the cap moves to the resume time of the next local day." `busyDays` are the local
 * dates on which the channel already carries another reminder.
 */
export function pastDailyCap(
  due: Date,
  busyDays: ReadonlySet<string>,
  quiet: QuietHours,
  zone: string,
): Date {
  let at = due;
  while (busyDays.has(localDate(at, zone))) at = resumeTimeNextDay(at, quiet, zone);
  return at;
}
