import { and, desc, eq, lt, sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { auditLog, type AuditKind } from "@/db/schema";

export const auditKinds = [
  "settings",
  "template",
  "pin",
  "team",
  "api_key",
  "import",
  "activation",
  "contact",
] as const satisfies readonly AuditKind[];

export const auditFilterSchema = z.object({
  kind: z.enum(auditKinds).optional(),
  /** An actor's label, as the log shows it. */
  actor: z.string().max(200).optional(),
  /** Entries before this instant: the next page. */
  before: z.date().optional(),
  /**
   * With `before`, the id of the last entry shown: entries at that same instant that come after
   * it (the list is newest first, then by id) are on the next page, never lost between pages.
   */
  beforeId: z.uuid().optional(),
  limit: z.number().int().min(1).max(200).default(50),
});

/** The tenant's audit log, newest first, filtered by kind and person. */
export async function listAudit(
  db: Db,
  tenantId: string,
  filter: z.infer<typeof auditFilterSchema>,
) {
  const where: SQL[] = [eq(auditLog.tenantId, tenantId)];
  if (filter.kind) where.push(eq(auditLog.kind, filter.kind));
  if (filter.actor) where.push(eq(auditLog.actorLabel, filter.actor));
  if (filter.before && filter.beforeId)
    where.push(
      sql`(${auditLog.at}, ${auditLog.id}) < (${filter.before.toISOString()}::timestamptz, ${filter.beforeId}::uuid)`,
    );
  else if (filter.before) where.push(lt(auditLog.at, filter.before));
  return db
    .select({
      id: auditLog.id,
      kind: auditLog.kind,
      actor: auditLog.actorLabel,
      summary: auditLog.summary,
      data: auditLog.data,
      at: auditLog.at,
    })
    .from(auditLog)
    .where(and(...where))
    .orderBy(desc(auditLog.at), desc(auditLog.id))
    .limit(filter.limit);
}

/** The people who appear in the log, for its filter. */
export async function auditActors(db: Db, tenantId: string): Promise<string[]> {
  const rows = await db
    .selectDistinct({ actor: auditLog.actorLabel })
    .from(auditLog)
    .where(eq(auditLog.tenantId, tenantId))
    .orderBy(auditLog.actorLabel);
  return rows.map((r) => r.actor);
}
