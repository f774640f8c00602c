import {
  addLocalDays,
  atWallClock,
  localDate,
  minutesOfDay,
  parseWallClock,
  type WallClock,
} from "./time";

export type QuietHours = { start: WallClock; end: WallClock; resumeAt: WallClock };

/**
 * SPEC §1.2: "the interval includes its start and excludes its end (22:00 is quiet, 07:00 is
 * not)". An interval whose start is after its end spans midnight.
 */
export function isQuiet(instant: Date, quiet: QuietHours, zone: string): boolean {
  const now = minutesOfDay(instant, zone);
  const start = parseWallClock(quiet.start);
  const end = parseWallClock(quiet.end);
  if (start === end) return false;
  return start < end ? now >= start && now < end : now >= start || now < end;
}

/**
 * SPEC §1.2: "An initial send or a retry whose time falls inside quiet hours is queued to the next
 * 08:00 local (the resume time is configurable too); a time between 07:00 and 08:00 is not moved."
 */
export function outOfQuietHours(instant: Date, quiet: QuietHours, zone: string): Date {
  if (!isQuiet(instant, quiet, zone)) return instant;
  return nextResumeTime(instant, quiet, zone);
}

/** The first resume time strictly after `instant`, on the contact's wall clock. */
export function nextResumeTime(instant: Date, quiet: QuietHours, zone: string): Date {
  const today = localDate(instant, zone);
  const sameDay = atWallClock(today, quiet.resumeAt, zone);
  return sameDay > instant ? sameDay : atWallClock(addLocalDays(today, 1), quiet.resumeAt, zone);
}

/** The resume time on the local day after `instant`'s local day. */
export function resumeTimeNextDay(instant: Date, quiet: QuietHours, zone: string): Date {
  return atWallClock(addLocalDays(localDate(instant, zone), 1), quiet.resumeAt, zone);
}
