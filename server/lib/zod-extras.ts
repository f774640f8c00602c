import { z } from "zod";

/** An IANA time-zone name that this runtime's Intl database knows. */
export const ianaTimeZone = z.string().refine(isIanaTimeZone, {
  message: "must be an IANA time zone such as Asia/Ho_Chi_Minh",
});

export function isIanaTimeZone(value: string): boolean {
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
