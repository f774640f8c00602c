import type { templateRevisions, templates } from "@/db/schema";
import type { Channel, TenantKind } from "@/db/schema/enums";
import type { VariantContent } from "@/server/content/variant-content";

type Draft = {
  stage: string;
  channel: Channel;
  name: string;
  ctaKind: string;
  content: VariantContent;
};

const learnerLines: Record<string, string> = {
  streak_lost: "Your streak ended yesterday. {{recap}}",
  week: "A week without practice — your next lesson is waiting.",
  month: "It has been a month. New exercises landed while you were away.",
  year: "It has been a year. Five minutes today is a fine way back.",
  recurring: "Still learning with us? We kept your place.",
};
const learnerCtas = [
  ["start_now", "Start a 5-minute lesson"],
  ["quick_practice", "Do one quick exercise"],
  ["explore_new", "See what's new"],
] as const;

const customerLines: Record<string, string> = {
  six_months: "It has been six months since our last visit.",
  nine_months: "Nine months already! Time for a check-up before the season turns.",
  twelve_months: "A year since your last service — let us keep everything running.",
};
const customerCtas = [
  ["book_now", "Book a visit"],
  ["claim_offer", "Claim your offer"],
  ["book_now", "Pick a time that suits you"],
] as const;

function learnerVariant(stage: string, channel: Channel, cta: string): VariantContent {
  const line = learnerLines[stage]!;
  const extras = stage === "year" || stage === "streak_lost" ? "" : "\n{{exercises}}";
  if (channel === "web_push")
    return {
      channel,
      title: `${cta}, {{first_name}}`,
      body: `${line.replace(" {{recap}}", "")} Message settings: {{preferences_link}}`,
      icon: null,
    };
  return {
    channel: "zalo",
    text: `Hi {{first_name}}! ${line} ${cta}: {{cta_link}}${extras}\nMessage settings: {{preferences_link}}`,
  };
}

function customerVariant(stage: string, channel: Channel, cta: string): VariantContent {
  const line = customerLines[stage]!;
  if (channel === "sms")
    return { channel, text: `{{business_name}}: ${line} {{offer}} ${cta}: {{cta_link}}` };
  return {
    channel: "email",
    subject: `{{first_name}}, ${line.charAt(0).toLowerCase()}${line.slice(1)}`,
    html: `<p>Hi {{first_name}},</p><p>${line}</p><p><strong>{{offer}}</strong></p><p><a href="{{cta_link}}">${cta}</a></p><p>Thanks,<br>{{business_name}}</p><p><a href="{{unsubscribe_link}}">Unsubscribe</a></p>`,
    text: "",
  };
}

/**
 * The demo's approved variants: three per stage × channel with different calls to action, except
 * the last stage's second channel, left on the built-in fallback so the demo shows both.
 */
export function demoVariants(kind: TenantKind, stages: string[], channels: Channel[]): Draft[] {
  const ctas = kind === "self_study" ? learnerCtas : customerCtas;
  const make = kind === "self_study" ? learnerVariant : customerVariant;
  const drafts: Draft[] = [];
  for (const stage of stages)
    for (const channel of channels) {
      if (stage === stages.at(-1) && channel === channels.at(-1)) continue;
      ctas.forEach(([ctaKind, label], i) =>
        drafts.push({
          stage,
          channel,
          name: "ABC"[i]!,
          ctaKind,
          content: make(stage, channel, label),
        }),
      );
    }
  return drafts;
}

type TemplateRow = typeof templates.$inferInsert;
type RevisionRow = typeof templateRevisions.$inferInsert;

/**
 * Rows for the drafts, written by one demo marketer and approved by the other, as the workflow
 * has it (SPEC §1.6: marketers write and review; self-approval is off by default).
 */
export function demoTemplateRows(
  tenantId: string,
  drafts: Draft[],
  people: { author: string; reviewer: string },
  now: Date,
  id: () => string,
): { templates: TemplateRow[]; revisions: RevisionRow[] } {
  const rows = drafts.map((d) => {
    const templateId = id();
    const revisionId = id();
    return {
      template: {
        id: templateId,
        tenantId,
        stage: d.stage,
        channel: d.channel,
        name: d.name,
        approvedRevisionId: revisionId,
      },
      revision: {
        id: revisionId,
        tenantId,
        templateId,
        number: 1,
        status: "approved" as const,
        ctaKind: d.ctaKind,
        content: d.content,
        authorId: people.author,
        reviewerId: people.reviewer,
        reviewComment: "Demo content.",
        submittedAt: now,
        reviewedAt: now,
      },
    };
  });
  return { templates: rows.map((r) => r.template), revisions: rows.map((r) => r.revision) };
}
