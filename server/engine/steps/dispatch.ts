import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { deliveries } from "@/db/schema";
import type { Channel } from "@/db/schema/enums";
import { rowsOf } from "@/db/rows";

export type ClaimedDelivery = { id: string; tenantId: string; channel: Channel };

/** How long a claimed delivery stays with its worker before another may take it over. */
export const CLAIM_LEASE_MS = 5 * 60_000;

/**
 * SPEC §2: claims due deliveries with `FOR UPDATE SKIP LOCKED`, so concurrent workers never take
 * the same one. A claim whose worker died is claimed again once its lease has run out.
 */
export async function dispatchDue(db: Db, now: Date, limit = 200): Promise<ClaimedDelivery[]> {
  const leaseEnd = new Date(now.getTime() + CLAIM_LEASE_MS).toISOString();
  const claimed = await db.execute<{ id: string }>(sql`
    update ${deliveries} set status = 'sending', next_attempt_at = ${leaseEnd}::timestamptz
    where ${deliveries.id} in (
      select ${deliveries.id} from ${deliveries}
      where ${deliveries.status} in ('pending', 'sending') and ${deliveries.nextAttemptAt} <= ${now.toISOString()}::timestamptz
      order by ${deliveries.nextAttemptAt}
      limit ${limit}
      for update skip locked)
    returning ${deliveries.id} as id, ${deliveries.tenantId} as "tenantId", ${deliveries.channel} as channel`);
  return rowsOf<ClaimedDelivery>(claimed);
}
