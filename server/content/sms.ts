import { SegmentedMessage } from "sms-segments-calculator";

/** SPEC §1.6: "Reply STOP to opt out" unless the text already says how to opt out. */
export const OPT_OUT_LINE = "Reply STOP to opt out.";
const hasOptOut = /\b(reply|text|send)\s+stop\b/i;

export function withOptOutLine(text: string): string {
  return hasOptOut.test(text) ? text : `${text.trimEnd()} ${OPT_OUT_LINE}`;
}

export function hasOptOutLine(text: string): boolean {
  return hasOptOut.test(text);
}

/** Segments an SMS text takes (GSM-7: 160/153 characters; UCS-2 as soon as one char needs it). */
export function smsSegments(text: string): {
  segments: number;
  encoding: string;
  characters: number;
} {
  const message = new SegmentedMessage(text);
  return {
    segments: message.segmentsCount,
    encoding: message.encodingName,
    characters: message.numberOfCharacters,
  };
}

/** Beyond this many segments an SMS is refused: it costs too much and carriers split it badly. */
export const MAX_SMS_SEGMENTS = 6;

const LINK_PLACEHOLDER = /\{\{\s*(cta_link|booking_link|preferences_link)\s*\}\}/g;

/**
 * An SMS as written, the way it will be counted at send time as far as that is known before a
 * contact is picked (SPEC §1.10): each link placeholder as long as a real short link (`linkLength`
 * characters) and the opt-out line added if missing. Other placeholders stay as written.
 */
export function smsAsSent(text: string, linkLength: number): string {
  return withOptOutLine(text.replace(LINK_PLACEHOLDER, "x".repeat(linkLength)));
}
