import { and, asc, lte, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { contactChecks } from "@/db/schema";
import { activeWorkspaces } from "../active-workspaces";
import { planContacts, planDue, type PlanReport } from "./plan";

/**
 * SPEC §2: the contacts whose precomputed next milestone has passed. A range scan on the queue of
 * next checks (`contact_checks`), so its cost grows with the contacts due, not with all contacts.
 * Only workspaces whose module is active (SPEC §1.9).
 */
export async function findDueContacts(db: Db, now: Date, limit = 500) {
  return db
    .select({ id: contactChecks.contactId, tenantId: contactChecks.tenantId })
    .from(contactChecks)
    .where(
      and(
        lte(contactChecks.nextCheckAt, now),
        sql`${contactChecks.tenantId} = any(${activeWorkspaces})`,
      ),
    )
    .orderBy(asc(contactChecks.nextCheckAt))
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
