import type { Db } from "@/db/client";
import { auditLog, type AuditKind } from "@/db/schema";

/** Who made a change: a signed-in person, or the integration API. */
export type Actor = { userId: string | null; label: string };

export type AuditEntry = {
  tenantId: string;
  actor: Actor;
  kind: AuditKind;
  summary: string;
  data: Record<string, unknown>;
  at: Date;
};

/** Appends to the tenant's audit log, in the caller's transaction with the change itself. */
export async function recordAudit(db: Db, entry: AuditEntry): Promise<void> {
  const { actor, ...rest } = entry;
  await db.insert(auditLog).values({ ...rest, actorUserId: actor.userId, actorLabel: actor.label });
}
