import { z } from "zod";

/*
 * The bounds every value meets where it enters the service (the integration API, tRPC, webhooks):
 * checked once, named by field, before anything reaches the database or the engine. Postgres
 * refuses a NUL in text and years outside its range by failing the whole statement, and the engine
 * cannot plan from an instant it cannot place in a time zone, so one bad value would otherwise
 * cost every other row of its batch, or stop planning for everyone.
 */

// Control characters (C0, DEL, C1) and unpaired surrogates, which have no UTF-8 form.
const CONTROL = /^[^\p{Cc}\p{Cs}]*$/u;
// The same, except the tab and line breaks that text written for people legitimately holds.
const CONTROL_BUT_LAYOUT = /^(?:[\t\n\r]|[^\p{Cc}\p{Cs}])*$/u;

/** One line of text (a name, an id, a search): trimmed, at most `max` characters. */
export function line(max: number) {
  return z
    .string()
    .trim()
    .max(max)
    .regex(CONTROL, "must not contain control characters such as NUL, tabs or line breaks");
}

/** Text written for people (a message body, a comment): trimmed, tabs and line breaks allowed. */
export function prose(max: number) {
  return z
    .string()
    .trim()
    .max(max)
    .regex(CONTROL_BUT_LAYOUT, "must not contain control characters such as NUL");
}

/** An http(s) URL of at most `max` characters, which the URL parser alone would let NUL through. */
export function webUrl(max = 2_000) {
  return line(max).pipe(z.url({ protocol: /^https?$/, message: "must be an http(s) URL" }));
}

/** Nothing in this domain happened before the Unix epoch; Postgres refuses years before 1. */
export const EARLIEST_INSTANT = new Date(0);

/** How far ahead of our clock a past instant may be: the sender's clock drifts. */
export const CLOCK_SKEW_MS = 5 * 60_000;

/**
 * An ISO-8601 instant with its zone that has already happened at `now` (a last activity, an
 * activity, a provider's event): from 1970 to `now` plus the clock skew. Parsed to a `Date`.
 */
export function pastInstant(now: Date) {
  const latest = new Date(now.getTime() + CLOCK_SKEW_MS);
  return z.iso
    .datetime({ offset: true, message: "must be an ISO-8601 time with zone" })
    .transform((value) => new Date(value))
    .pipe(
      z
        .date()
        .min(EARLIEST_INSTANT, "must not be before 1970-01-01")
        .max(latest, "is in the future"),
    );
}
