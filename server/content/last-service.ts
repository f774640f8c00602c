import { localDate, monthsBetween } from "@/server/engine/time";

/**
 * What a message knows of the contact's past: its last activity, the service of its last job
 * (from the activity API) and the clock and zone it is read in.
 */
export type ContactHistory = {
  lastActivityAt: Date | null;
  lastService: string | null;
  lastServiceAt: Date | null;
  /** The contact's zone (the workspace's when it has none): dates are the contact's dates. */
  zone: string;
  /** The contact's locale: how the date is written ("March 3, 2026", "3 March 2026"). */
  locale: string | null;
  /** When the message is made: months count to the contact's local date at this instant. */
  now: Date;
};

/** What `{{last_service}}` says when no job named its service: a phrase that reads as well. */
export const UNKNOWN_SERVICE = "your last visit";

/**
 * Calendar months from the local date of the last activity to the local date of `now`, in the
 * contact's zone: the count the engine's month stages use (SPEC §1.1), so the 6-month reminder
 * says 6 months. Null when the contact has no last activity.
 */
export function monthsSince(lastActivityAt: Date | null, now: Date, zone: string): number | null {
  if (!lastActivityAt) return null;
  return monthsBetween(localDate(lastActivityAt, zone), localDate(now, zone));
}

/**
 * `{{months_since}}` with its unit, so the sentence around it reads right for every count:
 * "1 month", "7 months", "less than a month" (a day-stage soon after the visit), and "a while"
 * when the contact has no last activity ("It has been {{months_since}} since …").
 */
export function monthsSinceWords(months: number | null): string {
  if (months === null) return "a while";
  if (months === 0) return "less than a month";
  return months === 1 ? "1 month" : `${months} months`;
}

const formats = new Map<string, Intl.DateTimeFormat>();

/**
 * The local date of `instant` in the contact's zone, written the contact's way ("March 3, 2026"
 * in en-US). A locale the runtime does not know is written in en-US rather than failing a send.
 */
export function localDateWords(instant: Date, zone: string, locale: string | null): string {
  const key = `${locale ?? ""}|${zone}`;
  let format = formats.get(key);
  if (!format) {
    try {
      format = new Intl.DateTimeFormat(locale ?? "en-US", { dateStyle: "long", timeZone: zone });
    } catch {
      format = new Intl.DateTimeFormat("en-US", { dateStyle: "long", timeZone: zone });
    }
    // A batch meets a handful of locales and zones; the cap only guards a long-running process.
    if (formats.size > 1_000) formats.clear();
    formats.set(key, format);
  }
  return format.format(instant);
}

/**
 * The values of `{{last_service}}`, `{{last_service_date}}` and `{{months_since}}`. Unknown parts
 * fall back to plain words, never a blank: the service to "your last visit", its date to the date
 * of that last visit (the last activity). Only with neither known is the date empty, and then
 * `withoutUnknownDate` drops it with the word before it.
 */
export function lastServiceValues(history: ContactHistory | undefined) {
  const service = history?.lastService ? history : null;
  const dated = service?.lastServiceAt ?? history?.lastActivityAt ?? null;
  return {
    last_service: service?.lastService ?? UNKNOWN_SERVICE,
    last_service_date: history && dated ? localDateWords(dated, history.zone, history.locale) : "",
    months_since: monthsSinceWords(
      history ? monthsSince(history.lastActivityAt, history.now, history.zone) : null,
    ),
  };
}

// "on {{last_service_date}}", "since {{ last_service_date }}": the word that introduces the date.
const introducedDate =
  /[ \t\u00a0]*\b(?:on|since|from|at|of|in|dated)[ \t\u00a0]+\{\{\s*last_service_date\s*\}\}/gi;

/**
 * A text whose `{{last_service_date}}` has no value, without the date and the preposition that
 * introduces it: "We hope you enjoyed your last visit on {{last_service_date}}." reads "We hope
 * you enjoyed your last visit.", not "… on .". Text with a known date is left as it is.
 */
export function withoutUnknownDate(text: string, date: string): string {
  return date ? text : text.replace(introducedDate, "");
}
