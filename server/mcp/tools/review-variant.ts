import { z } from "zod";
import { apiKeyActor } from "@/server/audit/actor";
import { linkLength } from "@/server/links/link-id";
import { getTenantSettings } from "@/server/settings/get";
import { reviewInput } from "@/server/templates/input";
import { reviewRevision } from "@/server/templates/workflow";
import { defineTool, ToolRefusal } from "../tool";
import { instant } from "../wire";

/** The reviewer's half of the Templates page's review: submitting and withdrawing are the author's. */
const input = reviewInput.extend({
  revisionId: reviewInput.shape.revisionId.describe("From list_pending_approvals"),
  action: z.enum(["approve", "reject"]),
  comment: reviewInput.shape.comment.describe("Why: required to reject, optional to approve"),
});

const output = z.object({
  revisionId: z.uuid(),
  templateId: z.uuid(),
  number: z.number().int(),
  status: z.string().describe("approved or rejected"),
  reviewComment: z.string().nullable(),
  reviewedAt: instant.nullable(),
});

/**
 * Approves or rejects through the same workflow function as the Templates page, so the same
 * rules hold (in review only, self-approval, a comment to reject) and the audit log records it.
 */
export const reviewVariant = defineTool({
  name: "review_variant",
  title: "Approve or reject a variant",
  description:
    "Approve or reject a template variant's revision that is in review. Approving puts it in use " +
    "at once (the next reminders of its stage and channel may send it); rejecting needs a comment " +
    "saying why. The key acts for the member who made it: a revision that member wrote can be " +
    "approved only if the workspace allows self-approval. Recorded in the audit log.",
  input,
  output,
  permission: "templates.review",
  scope: "mcp:write",
  async run({ db, tenant, key, baseUrl }, args) {
    // The review rules compare the reviewer with the author: the key reviews as its maker.
    if (!key.createdBy)
      throw new ToolRefusal(
        "The member who made this API key no longer exists, so it cannot review: make a new key.",
      );
    const settings = await getTenantSettings(db, tenant);
    const revision = await reviewRevision(
      db,
      {
        tenantId: tenant.id,
        userId: key.createdBy,
        settings,
        linkLength: linkLength(baseUrl),
        audit: apiKeyActor(key, "MCP", key.createdByEmail),
      },
      args,
    );
    return { ...revision, revisionId: revision.id };
  },
});
