import { z } from "zod";

/** An IANA time-zone name that this runtime's Intl database knows. */
export const ianaTimeZone = z.string().refine(isIanaTimeZone, {
  message: "must be an IANA time zone such as Asia/Ho_Chi_Minh",
});

/**
 * Asking Intl costs ~70 µs, and an import of 100,000 contacts asks about the same few zones
 * 100,000 times: answers are remembered, up to a bound (names typed by users are unbounded).
 */
const knownZones = new Map<string, boolean>();

export function isIanaTimeZone(value: string): boolean {
  let known = knownZones.get(value);
  if (known === undefined) {
    if (knownZones.size >= 2_000) knownZones.clear();
    known = askIntl(value);
    knownZones.set(value, known);
  }
  return known;
}

function askIntl(value: string): boolean {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: value });
    return value.includes("/") || value === "UTC";
  } catch {
    return false;
  }
}

/** A wall-clock time "HH:MM" (24 h). */
export const wallClock = z
  .string()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, { message: "must be a 24-hour time HH:MM" });
