import { TZDate } from "@date-fns/tz";
import { addDays as addDaysFns, addMonths as addMonthsFns } from "date-fns";
import { memo } from "@/server/lib/memo";

/** A calendar date in some zone, "YYYY-MM-DD". */
export type LocalDate = string;
/** A wall-clock time, "HH:MM" (24 h). */
export type WallClock = string;

const MINUTE = 60_000;

// Zone conversions cost a few Intl calls each, and a batch asks the same ones for every contact.
const zoneParts = memo((ms: number, zone: string) => {
  const t = new TZDate(ms, zone);
  return {
    y: t.getFullYear(),
    m: t.getMonth(),
    d: t.getDate(),
    minutes: t.getHours() * 60 + t.getMinutes(),
  };
});

const parts = (instant: Date, zone: string) => zoneParts(instant.getTime(), zone);

const pad = (n: number, width = 2) => String(n).padStart(width, "0");

/** The calendar date of `instant` on the wall clocks of `zone`. */
export function localDate(instant: Date, zone: string): LocalDate {
  const { y, m, d } = parts(instant, zone);
  return `${pad(y, 4)}-${pad(m + 1)}-${pad(d)}`;
}

/** Minutes since local midnight of `instant` in `zone` (0–1439). */
export function minutesOfDay(instant: Date, zone: string): number {
  return parts(instant, zone).minutes;
}

/** "2026-03-03 08:00 Asia/Ho_Chi_Minh": an instant as the contact reads it, for reasons. */
export function describeLocal(instant: Date, zone: string): string {
  const { y, m, d, minutes } = parts(instant, zone);
  const time = `${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`;
  return `${pad(y, 4)}-${pad(m + 1)}-${pad(d)} ${time} ${zone}`;
}

export function parseWallClock(time: WallClock): number {
  const [h, m] = time.split(":").map(Number);
  return h! * 60 + m!;
}

// Calendar arithmetic on dates alone runs in UTC, where every day has 24 hours.
const asUtc = (date: LocalDate) => {
  const [y, m, d] = date.split("-").map(Number);
  return new TZDate(y!, m! - 1, d!, "UTC");
};
const fromUtc = (t: TZDate): LocalDate =>
  `${pad(t.getFullYear(), 4)}-${pad(t.getMonth() + 1)}-${pad(t.getDate())}`;

export const addLocalDays = memo((date: LocalDate, days: number): LocalDate =>
  fromUtc(addDaysFns(asUtc(date), days)),
);

/** Calendar months, clamped to the month's end: 2026-03-31 + 6 months = 2026-09-30. */
export const addLocalMonths = memo((date: LocalDate, months: number): LocalDate =>
  fromUtc(addMonthsFns(asUtc(date), months)),
);

/**
 * Whole calendar months from `earlier` to `later`, counted as the stages count them: the most
 * months `addLocalMonths` can add to `earlier` without passing `later`. So a 6-month stage is
 * reached on the day this first says 6, also across a month-end clamp (2025-08-31 + 6 months is
 * 2026-02-28, and on that day 6 months have passed). Zero when `later` is not after `earlier`.
 */
export function monthsBetween(earlier: LocalDate, later: LocalDate): number {
  const [y1, m1] = earlier.split("-").map(Number);
  const [y2, m2] = later.split("-").map(Number);
  const months = (y2! - y1!) * 12 + (m2! - m1!);
  if (months <= 0) return 0;
  // ISO dates compare as strings; the month's count is one too many while its day is ahead.
  return addLocalMonths(earlier, months) > later ? months - 1 : months;
}

/**
 * Whole days from `earlier` to `later`. Plain `Date.UTC` arithmetic: a UTC day is always 24 hours,
 * and this runs for every practice day of every recap (a `TZDate` per date asked `Intl` for an
 * offset: 7% of a send batch's CPU).
 */
export function daysBetween(earlier: LocalDate, later: LocalDate): number {
  return Math.round((utcMidnight(later) - utcMidnight(earlier)) / 86_400_000);
}

const utcMidnight = (date: LocalDate) => {
  const [y, m, d] = date.split("-").map(Number);
  return Date.UTC(y!, m! - 1, d);
};

/**
 * The instant at which the wall clocks of `zone` show `time` on `date`. Where that time does not
 * exist (a spring-forward gap), the first instant after the gap (SPEC §1.1).
 */
export function atWallClock(date: LocalDate, time: WallClock, zone: string): Date {
  return new Date(wallClockInstant(date, time, zone));
}

const wallClockInstant = memo((date: LocalDate, time: WallClock, zone: string): number => {
  const [y, m, d] = date.split("-").map(Number);
  const wanted = parseWallClock(time);
  const guess = new Date(
    new TZDate(y!, m! - 1, d!, Math.floor(wanted / 60), wanted % 60, zone).getTime(),
  );
  if (localDate(guess, zone) === date && minutesOfDay(guess, zone) === wanted)
    return guess.getTime();
  return firstInstantAtOrAfter(date, wanted, zone, guess).getTime();
});

/** In a gap the library lands past the wanted time; search back for where the gap ends. */
function firstInstantAtOrAfter(date: LocalDate, wanted: number, zone: string, upper: Date): Date {
  const reached = (t: number) => {
    const instant = new Date(t);
    const day = localDate(instant, zone);
    return day > date || (day === date && minutesOfDay(instant, zone) >= wanted);
  };
  let lo = upper.getTime() - 26 * 60 * MINUTE; // wider than any gap (Samoa skipped a whole day)
  let hi = upper.getTime();
  while (hi - lo > MINUTE) {
    const mid = lo + Math.floor((hi - lo) / MINUTE / 2) * MINUTE;
    if (reached(mid)) hi = mid;
    else lo = mid;
  }
  return new Date(hi);
}

/** The instant the local day `date` starts in `zone`. */
export function localMidnight(date: LocalDate, zone: string): Date {
  return atWallClock(date, "00:00", zone);
}
