import type { Cadence } from "@/server/settings/schema";
import type { NicheKey } from "./keys";

/** One stage's built-in message in a niche's words: the email's subject and the short text. */
export type StageCopy = {
  /** The email's subject and the push title (at most 80 characters). */
  subject: string;
  /**
   * One or two sentences, the whole SMS between the business name and the link: plain GSM-7
   * characters (no curly quotes or dashes) so it stays within two segments.
   */
  text: string;
};

/** A niche's built-in fallback copy (SPEC §1.6 safe fallback), per stage of its cadence. */
export type NicheCopy = {
  /** By stage key of the niche's cadence. */
  stages: Record<string, StageCopy>;
  /** The recurring reminder and any stage the owner adds later. */
  other: StageCopy;
  /**
   * The email's sentence about the last job, with `{{last_service}}` and `{{last_service_date}}`,
   * written to read right when they are unknown too ("… since your last visit.").
   */
  memo: string;
  /** The email button's words. */
  cta: string;
};

/**
 * A preset for one kind of business: what the owner reads when choosing it, and what it sets.
 * `reasoning` says why the cadence and the offer are what they are, for the owner.
 */
export type NichePreset = {
  key: NicheKey;
  label: string;
  /** One line, for the list the owner picks from. */
  description: string;
  reasoning: string;
  cadence: Cadence;
  /**
   * The offer's title and code. No fixed expiry date: reminders go out all year, so a date would
   * lapse while the cadence still runs; where urgency helps, the title carries a window that
   * starts when each customer reads it ("booked within 14 days").
   */
  offer: { title: string; code: string };
  copy: NicheCopy;
};
