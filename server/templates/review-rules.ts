/** SPEC §1.6 approval: `draft → in_review → approved | rejected`. */
export type RevisionStatus = "draft" | "in_review" | "approved" | "rejected";
export type ReviewAction = "submit" | "withdraw" | "approve" | "reject";

const transitions: Record<ReviewAction, { from: RevisionStatus; to: RevisionStatus }> = {
  submit: { from: "draft", to: "in_review" },
  withdraw: { from: "in_review", to: "draft" },
  approve: { from: "in_review", to: "approved" },
  reject: { from: "in_review", to: "rejected" },
};

export class ReviewRefused extends Error {}

/**
 * The status a revision moves to, or why it may not. Its author submits and withdraws it; a
 * marketer may not approve their own revision unless the workspace allows self-approval; a
 * rejection says why.
 */
export function review(
  action: ReviewAction,
  revision: { status: RevisionStatus; authorId: string },
  actor: { userId: string; allowSelfApproval: boolean },
  comment: string | null,
): RevisionStatus {
  const { from, to } = transitions[action];
  if (revision.status !== from)
    throw new ReviewRefused(
      `Only a revision ${label[from]} can be ${past[action]}; this one is ${label[revision.status]}.`,
    );
  if ((action === "submit" || action === "withdraw") && revision.authorId !== actor.userId)
    throw new ReviewRefused(`Only the revision's author can ${action} it.`);
  if (action === "approve" && revision.authorId === actor.userId && !actor.allowSelfApproval)
    throw new ReviewRefused(
      "You wrote this revision: another marketer must approve it (self-approval is off for this workspace).",
    );
  if (action === "reject" && !comment?.trim())
    throw new ReviewRefused("Say why it is rejected: a comment is required.");
  return to;
}

/**
 * Editing a variant: a draft is edited in place; an approved or rejected revision is never
 * changed (what was sent stays known), so the edit becomes a new draft revision; a revision in
 * review must be withdrawn or reviewed first.
 */
export function editTarget(latest: RevisionStatus): "in_place" | "new_revision" {
  if (latest === "in_review")
    throw new ReviewRefused(
      "This revision is in review: withdraw it or wait for the review before editing.",
    );
  return latest === "draft" ? "in_place" : "new_revision";
}

const label: Record<RevisionStatus, string> = {
  draft: "in draft",
  in_review: "in review",
  approved: "approved",
  rejected: "rejected",
};
const past: Record<ReviewAction, string> = {
  submit: "submitted",
  withdraw: "withdrawn",
  approve: "approved",
  reject: "rejected",
};

/** SPEC §1.6: each stage × channel has 3–4 variants; a fifth is refused. */
export const MAX_VARIANTS = 4;
export const variantNames = ["A", "B", "C", "D"] as const;
