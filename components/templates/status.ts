import type { RevisionStatus } from "@/server/templates/review-rules";

export type { RevisionStatus };

export const statusLabels: Record<RevisionStatus, string> = {
  draft: "Draft",
  in_review: "In review",
  approved: "Approved",
  rejected: "Rejected",
};

export const statusTones = {
  draft: "neutral",
  in_review: "warn",
  approved: "good",
  rejected: "bad",
} as const satisfies Record<RevisionStatus, string>;

/** "start_now" → "start now", for CTA kinds in running text. */
export const ctaLabel = (kind: string) => kind.replaceAll("_", " ");
