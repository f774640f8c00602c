import { and, eq, isNotNull } from "drizzle-orm";
import { anyOf } from "@/db/bulk";
import type { Db } from "@/db/client";
import { templateRevisions, templates } from "@/db/schema";
import type { Channel } from "@/db/schema/enums";
import type { VariantContent } from "@/server/content/variant-content";
import { groupBy } from "@/server/lib/group-by";

export type ApprovedVariant = {
  templateId: string;
  revisionId: string;
  name: string;
  ctaKind: string;
  content: VariantContent;
};

export const variantKey = (tenantId: string, stage: string, channel: Channel) =>
  `${tenantId}/${stage}/${channel}`;

/** The approved revision of every variant of these tenants, by tenant × stage × channel. */
export async function loadApprovedVariants(
  db: Db,
  tenantIds: string[],
): Promise<Map<string, ApprovedVariant[]>> {
  if (tenantIds.length === 0) return new Map();
  const rows = await db
    .select({
      tenantId: templates.tenantId,
      stage: templates.stage,
      channel: templates.channel,
      templateId: templates.id,
      name: templates.name,
      revisionId: templateRevisions.id,
      ctaKind: templateRevisions.ctaKind,
      content: templateRevisions.content,
    })
    .from(templates)
    .innerJoin(templateRevisions, eq(templateRevisions.id, templates.approvedRevisionId))
    .where(and(anyOf(templates.tenantId, tenantIds), isNotNull(templates.approvedRevisionId)))
    .orderBy(templates.name);
  const groups = groupBy(rows, (r) => variantKey(r.tenantId, r.stage, r.channel));
  return new Map(
    [...groups].map(([key, list]) => [
      key,
      list.map(({ tenantId: _t, stage: _s, channel: _c, ...variant }) => variant),
    ]),
  );
}
