import { asc, isNotNull, lte, and } from "drizzle-orm";
import type { Db } from "@/db/client";
import { contacts } from "@/db/schema";
import { yieldToEventLoop } from "../yield";
import { plan } from "./plan";

/**
 * SPEC §2: plans every contact whose precomputed next milestone has passed. A range scan on
 * `next_check_at`, so its cost grows with the contacts due, not with all contacts.
 */
export async function scanDue(db: Db, now: Date, limit = 500): Promise<number> {
  const due = await db
    .select({ id: contacts.id })
    .from(contacts)
    .where(and(isNotNull(contacts.nextCheckAt), lte(contacts.nextCheckAt, now)))
    .orderBy(asc(contacts.nextCheckAt))
    .limit(limit);
  for (const { id } of due) {
    await plan(db, id, now);
    await yieldToEventLoop();
  }
  return due.length;
}
