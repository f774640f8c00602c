import { z } from "zod";
import { getTenantSettings } from "@/server/settings/get";
import { revisionsInReview } from "@/server/templates/in-review";
import { templateStages } from "@/server/templates/workflow";
import { defineTool } from "../tool";
import { channelName, instant } from "../wire";

const input = z.object({
  limit: z.number().int().min(1).max(100).default(50).describe("At most this many, oldest first"),
});

const output = z.object({
  allowSelfApproval: z
    .boolean()
    .describe("Whether a revision may be approved by its own author (a workspace setting)"),
  revisions: z.array(
    z.object({
      revisionId: z.uuid().describe("What review_variant takes"),
      number: z.number().int(),
      templateId: z.uuid(),
      variant: z.string().describe("The variant's letter within its stage × channel"),
      stage: z.string(),
      stageLabel: z.string(),
      channel: channelName,
      ctaKind: z.string(),
      content: z
        .object({ channel: channelName })
        .catchall(z.string().nullable())
        .describe("The message as written, placeholders such as {{first_name}} included"),
      authorEmail: z.string(),
      authoredByKeyMaker: z
        .boolean()
        .describe("Written by the person this key acts for: approving it needs self-approval"),
      replacesApproved: z
        .boolean()
        .describe("The variant has an approved revision in use, which approval replaces"),
      submittedAt: instant.nullable(),
    }),
  ),
});

/** What the Templates page marks "in review", with what a reviewer needs to decide. */
export const listPendingApprovals = defineTool({
  name: "list_pending_approvals",
  title: "List variants waiting for review",
  description:
    "The template variants submitted for review and not yet approved or rejected, oldest first: " +
    "stage, channel, the content as written, its author, and whether approving it would replace " +
    "the revision in use. Approve or reject one with review_variant (marketer keys).",
  input,
  output,
  permission: "templates.read",
  scope: "mcp:read",
  async run({ db, tenant, key }, args) {
    const [settings, rows] = await Promise.all([
      getTenantSettings(db, tenant),
      revisionsInReview(db, tenant.id, args.limit),
    ]);
    const labels = new Map(templateStages(settings).map((s) => [s.key, s.label]));
    return {
      allowSelfApproval: settings.allowSelfApproval,
      revisions: rows.map(({ authorId, approvedRevisionId, ...r }) => ({
        ...r,
        stageLabel: labels.get(r.stage) ?? r.stage,
        authoredByKeyMaker: authorId === key.createdBy,
        replacesApproved: approvedRevisionId !== null,
      })),
    };
  },
});
