import type { Channel } from "@/db/schema/enums";

const texts: Record<string, string> = {
  streak_lost: "Your streak ended yesterday. A five-minute practice today starts a new one.",
  week: "It has been a week. Pick up where you left off: your next exercise is waiting.",
  month: "We miss you! New exercises are ready whenever you are.",
  year: "It has been a while. Come back and practise: it only takes a few minutes.",
  six_months: "It has been six months since your last visit. Book your next service today.",
  nine_months: "It has been nine months since your last visit. We would love to see you again.",
  twelve_months: "A year since your last visit: book now and let us take care of it.",
  recurring: "Still there? We would love to have you back.",
};

/**
 * The built-in safe text of a stage on a channel, used until approved templates exist
 * (SPEC §1.6). Every stage has one, custom stages included.
 */
export function fallbackContent(stageKey: string, channel: Channel, name: string) {
  const firstName = name.trim().split(/\s+/)[0];
  const greeting = firstName ? `Hi ${firstName}! ` : "";
  const optOut = channel === "sms" ? " Reply STOP to opt out." : "";
  const subject = channel === "email" || channel === "web_push" ? "We saved your place" : null;
  return { subject, text: `${greeting}${texts[stageKey] ?? texts.recurring}${optOut}` };
}
