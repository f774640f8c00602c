import { and, asc, isNotNull, lte, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { contacts } from "@/db/schema";
import { activeWorkspaces } from "../active-workspaces";
import { planContacts, planDue, type PlanReport } from "./plan";

/**
 * SPEC §2: the contacts whose precomputed next milestone has passed. A range scan on
 * `next_check_at`, so its cost grows with the contacts due, not with all contacts. Only workspaces
 * whose module is active (SPEC §1.9).
 */
export async function findDueContacts(db: Db, now: Date, limit = 500) {
  return db
    .select({ id: contacts.id, tenantId: contacts.tenantId })
    .from(contacts)
    .where(
      and(
        isNotNull(contacts.nextCheckAt),
        lte(contacts.nextCheckAt, now),
        sql`${contacts.tenantId} = any(${activeWorkspaces})`,
      ),
    )
    .orderBy(asc(contacts.nextCheckAt))
    .limit(limit);
}

/** Plans a batch of at most `limit` due contacts; reports what it planned and set aside. */
export async function scanDue(db: Db, now: Date, limit = 500): Promise<PlanReport> {
  try {
    return { planned: await planDue(db, now, limit), setAside: [] };
  } catch {
    // A contact of the batch fails: plan the batch again without it, and set it aside.
    const due = await findDueContacts(db, now, limit);
    return planContacts(
      db,
      due.map((c) => c.id),
      now,
    );
  }
}
