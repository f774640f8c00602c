import { MAX_VARIANTS } from "@/server/templates/review-rules";
import type { TemplateGridData } from "./types";

type Variant = TemplateGridData["variants"][number];

/**
 * The review banner: how many revisions wait, and where the first one is, so a reviewer gets
 * there in one click. Variants come in grid order (stage, then channel, then name).
 */
export function reviewBanner(
  variants: Variant[],
  stages: { key: string }[],
  channels: string[],
): { text: string; href: string | null } {
  const order = (v: Variant) =>
    stages.findIndex((s) => s.key === v.stage) * channels.length + channels.indexOf(v.channel);
  const pending = variants
    .filter((v) => v.latest.status === "in_review")
    .sort((a, b) => order(a) - order(b) || a.name.localeCompare(b.name));
  if (pending.length === 0) return { text: "No revision is waiting for review.", href: null };
  const text =
    pending.length === 1
      ? "1 revision is waiting for review."
      : `${pending.length} revisions are waiting for review.`;
  return { text, href: `/templates/${pending[0]!.id}` };
}

/** Whether a stage × channel takes another variant, and if not, why (SPEC §1.6: 3–4 each). */
export function newVariantRefusal(count: number): string | null {
  return count >= MAX_VARIANTS
    ? `At most ${MAX_VARIANTS} variants per stage and channel: edit one of them instead.`
    : null;
}
