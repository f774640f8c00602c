import { and, count, desc, eq, gt } from "drizzle-orm";
import type { Db } from "@/db/client";
import { contacts } from "@/db/schema";

/** A contact that fails the engine's steps is one of these: set aside, with a backoff. */
export const needsAttention = gt(contacts.engineFailures, 0);

/**
 * The workspace's contacts the engine failed on and set aside (most recent failure first), for
 * owners to repair: how many, and the first few with what failed.
 */
export async function contactsNeedingAttention(db: Db, tenantId: string, limit = 5) {
  const where = and(eq(contacts.tenantId, tenantId), needsAttention);
  const [rows, [total]] = await Promise.all([
    db
      .select({
        id: contacts.id,
        name: contacts.name,
        externalId: contacts.externalId,
        failures: contacts.engineFailures,
        error: contacts.engineError,
        since: contacts.engineErrorAt,
      })
      .from(contacts)
      .where(where)
      .orderBy(desc(contacts.engineErrorAt), desc(contacts.id))
      .limit(limit),
    db.select({ n: count() }).from(contacts).where(where),
  ]);
  return { total: total?.n ?? 0, rows };
}
