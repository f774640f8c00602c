import { and, asc, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { templateRevisions, templates, users } from "@/db/schema";

/**
 * The revisions waiting for a reviewer, oldest submission first, with their variant, content and
 * author. A revision in review is its variant's latest: editing waits until it is reviewed.
 */
export async function revisionsInReview(db: Db, tenantId: string, limit: number) {
  return db
    .select({
      revisionId: templateRevisions.id,
      number: templateRevisions.number,
      templateId: templates.id,
      variant: templates.name,
      stage: templates.stage,
      channel: templates.channel,
      approvedRevisionId: templates.approvedRevisionId,
      ctaKind: templateRevisions.ctaKind,
      content: templateRevisions.content,
      authorId: templateRevisions.authorId,
      authorEmail: users.email,
      submittedAt: templateRevisions.submittedAt,
    })
    .from(templateRevisions)
    .innerJoin(templates, eq(templates.id, templateRevisions.templateId))
    .innerJoin(users, eq(users.id, templateRevisions.authorId))
    .where(
      and(
        eq(templateRevisions.tenantId, tenantId),
        eq(templates.tenantId, tenantId),
        eq(templateRevisions.status, "in_review"),
      ),
    )
    .orderBy(asc(templateRevisions.submittedAt), asc(templateRevisions.id))
    .limit(limit);
}
