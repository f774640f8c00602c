import type { Channel } from "@/db/schema/enums";
import type { NicheKey } from "@/server/niches/keys";
import { nichePresets } from "@/server/niches/presets";
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

/** The words of one fallback message, before its channel gives them a shape. */
type Words = {
  subject: string;
  /** The main line: the whole SMS between the business name and the link. */
  line: string;
  /** Placeholders after the line where the channel has room (the recap). */
  extra: string;
  /** The email's own paragraph after the line, or none. */
  memo: string;
  cta: string;
};

/** The generic words: a learning app's and a home-services workspace without a niche. */
function genericWords(stage: string): Words {
  return {
    subject: "We saved your place",
    line: lines[stage] ?? lines.recurring!,
    extra: stage === "streak_lost" ? " {{recap}}" : "",
    memo: "",
    cta: "Come back",
  };
}

/** A niche's words: its stage's copy, or its general copy for recurring and added stages. */
function nicheWords(stage: string, niche: NicheKey): Words {
  const { copy } = nichePresets[niche];
  const words = copy.stages[stage] ?? copy.other;
  return { subject: words.subject, line: words.text, extra: "", memo: copy.memo, cta: copy.cta };
}

/**
 * The built-in safe variant of a stage on a channel (SPEC §1.6): used, and logged, when no
 * approved variant exists. Plain and correct for every stage, custom ones included; it passes the
 * same placeholder checks as a marketer's variant. A workspace that applied a niche's preset gets
 * that niche's copy, so a cleaning business's fallback sounds like a cleaning business.
 */
export function fallbackVariant(
  stage: string,
  channel: Channel,
  niche?: NicheKey | null,
): VariantContent {
  const { subject, line, extra, memo, cta } = niche
    ? nicheWords(stage, niche)
    : genericWords(stage);
  switch (channel) {
    case "email":
      return {
        channel,
        subject,
        html: `<p>Hi {{first_name}},</p><p>${line}${extra}</p>${memo ? `<p>${memo}</p>` : ""}<p>{{offer}}</p><p><a href="{{cta_link}}">${cta}</a></p><p><a href="{{unsubscribe_link}}">Unsubscribe</a></p>`,
        text: "",
      };
    case "sms":
      return { channel, text: `{{business_name}}: ${line} {{cta_link}}` };
    case "web_push":
      return {
        channel,
        title: subject,
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
