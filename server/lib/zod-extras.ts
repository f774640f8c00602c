import { z } from "zod";
import { memo } from "./memo";

/** An IANA time-zone name that this runtime's Intl database knows. */
export const ianaTimeZone = z.string().refine((value) => isIanaTimeZone(value), {
  message: "must be an IANA time zone such as Asia/Ho_Chi_Minh",
});

/**
 * Asking Intl costs ~70 µs, and an import of 100,000 contacts asks about the same few zones
 * 100,000 times: the answers are remembered (up to 2,000 names: typed names are unbounded).
 */
export const isIanaTimeZone = memo(askIntl, 2_000);

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
