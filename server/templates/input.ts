import { z } from "zod";
import { channel, type TenantKind } from "@/db/schema/enums";
import { variantContent } from "@/server/content/variant-content";
import { line, prose } from "@/server/lib/bounded";

/** CTA kinds the products use; a workspace may name its own in the same shape. */
export const ctaKinds = ["start_now", "quick_practice", "explore_new", "book_now", "claim_offer"];
/** The CTA kind a new variant starts with: what the workspace's messages ask for. */
export function defaultCtaKind(kind: TenantKind): string {
  return kind === "home_services" ? "book_now" : "start_now";
}

export const ctaKind = line(40).regex(
  /^[a-z][a-z0-9_]{1,39}$/,
  "must be lower_snake_case, e.g. explore_new",
);

/** A stage key of the workspace's cadence, or `recurring`. */
export const stageKey = line(40).min(1);

export const createVariantInput = z.object({
  stage: stageKey,
  channel: z.enum(channel.enumValues),
  ctaKind,
  content: variantContent,
});

export const saveDraftInput = z.object({
  templateId: z.uuid(),
  ctaKind,
  content: variantContent,
});

export const reviewInput = z.object({
  revisionId: z.uuid(),
  action: z.enum(["submit", "withdraw", "approve", "reject"]),
  comment: prose(1_000).nullable().default(null),
});

export const pinsInput = z.object({
  templateId: z.uuid(),
  exerciseIds: z.array(z.uuid()).max(10),
});
