import { TZDate } from "@date-fns/tz";
import type { Faker } from "@faker-js/faker";

/** Waking hours, as minutes of the local day: people act between these. */
export type Hours = { from: number; to: number };
export const WAKING: Hours = { from: 6 * 60 + 30, to: 22 * 60 + 30 };
export const BUSINESS: Hours = { from: 8 * 60, to: 17 * 60 };

/** A random instant within `hours` of the local day that is `days` after the day of `from`. */
export function someTimeOnDay(
  faker: Faker,
  from: Date,
  days: number,
  zone: string,
  hours: Hours,
): Date {
  const day = new TZDate(from.getTime(), zone);
  const minute = faker.number.int({ min: hours.from, max: hours.to });
  // The date's fields in the zone, `days` later (date overflow rolls into the next month).
  const at = new TZDate(
    day.getFullYear(),
    day.getMonth(),
    day.getDate() + days,
    Math.floor(minute / 60),
    minute % 60,
    zone,
  );
  return new Date(at.getTime());
}

/** A delay of `mean` on average, most of them short (exponential), within [min, max]. */
export function shortDelay(faker: Faker, mean: number, min: number, max: number): number {
  const drawn = -mean * Math.log(1 - faker.number.float({ min: 0, max: 0.999 }));
  return Math.min(max, min + drawn);
}
