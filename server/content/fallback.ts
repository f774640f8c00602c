import type { Channel } from "@/db/schema/enums";
import type { VariantContent } from "./variant-content";
import { PREFERENCES_LABEL } from "./way-out";

const lines: Record<string, string> = {
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
 * The built-in safe variant of a stage on a channel (SPEC §1.6): used, and logged, when no
 * approved variant exists. Plain and correct for every stage, custom ones included; it passes the
 * same placeholder checks as a marketer's variant.
 */
export function fallbackVariant(stage: string, channel: Channel): VariantContent {
  const line = lines[stage] ?? lines.recurring!;
  const extra = stage === "streak_lost" ? " {{recap}}" : "";
  switch (channel) {
    case "email":
      return {
        channel,
        subject: "We saved your place",
        html: `<p>Hi {{first_name}},</p><p>${line}${extra}</p><p>{{offer}}</p><p><a href="{{cta_link}}">Come back</a></p><p><a href="{{unsubscribe_link}}">Unsubscribe</a></p>`,
        text: "",
      };
    case "sms":
      return { channel, text: `{{business_name}}: ${line} {{cta_link}}` };
    case "web_push":
      return {
        channel,
        title: "We saved your place",
        body: `Hi {{first_name}}! ${line} ${PREFERENCES_LABEL} {{preferences_link}}`,
        icon: null,
      };
    case "zalo":
      return {
        channel,
        text: `Hi {{first_name}}! ${line}${extra} {{cta_link}}\n${PREFERENCES_LABEL} {{preferences_link}}`,
      };
  }
}

export const FALLBACK_CTA = "start_now";
