import { asc, isNotNull, lte, and } from "drizzle-orm";
import type { Db } from "@/db/client";
import { contacts } from "@/db/schema";
import { planDue } from "./plan";

/**
 * SPEC §2: the contacts whose precomputed next milestone has passed. A range scan on
 * `next_check_at`, so its cost grows with the contacts due, not with all contacts.
 */
export async function findDueContacts(db: Db, now: Date, limit = 500) {
  return db
    .select({ id: contacts.id, tenantId: contacts.tenantId })
    .from(contacts)
    .where(and(isNotNull(contacts.nextCheckAt), lte(contacts.nextCheckAt, now)))
    .orderBy(asc(contacts.nextCheckAt))
    .limit(limit);
}

/** Plans a batch of at most `limit` due contacts; returns how many it planned. */
export async function scanDue(db: Db, now: Date, limit = 500): Promise<number> {
  return planDue(db, now, limit);
}
