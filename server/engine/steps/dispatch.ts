import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { contacts, deliveries, tenantModules } from "@/db/schema";
import type { Channel } from "@/db/schema/enums";
import { rowsOf } from "@/db/rows";
import { REACTIVATION_MODULE } from "@/server/modules/catalog";

export type ClaimedDelivery = { id: string; tenantId: string; channel: Channel };

/** How long a claimed delivery stays with its worker before another may take it over. */
export const CLAIM_LEASE_MS = 5 * 60_000;

/**
 * SPEC §2: claims due deliveries with `FOR UPDATE SKIP LOCKED`, so concurrent workers never take
 * the same one. A claim whose worker died is claimed again once its lease has run out.
 *
 * Only an active module sends (SPEC §1.9). A contact whose planning is overdue (after downtime or
 * a pause) is planned first: a higher stage reached meanwhile supersedes its waiting deliveries,
 * which must not go out in the gap (§1.1, highest stage only).
 */
export async function dispatchDue(db: Db, now: Date, limit = 200): Promise<ClaimedDelivery[]> {
  const leaseEnd = new Date(now.getTime() + CLAIM_LEASE_MS).toISOString();
  const claimed = await db.execute<{ id: string }>(sql`
    update ${deliveries} set status = 'sending', next_attempt_at = ${leaseEnd}::timestamptz
    where ${deliveries.id} in (
      select ${deliveries.id} from ${deliveries}
      where ${deliveries.status} in ('pending', 'sending') and ${deliveries.nextAttemptAt} <= ${now.toISOString()}::timestamptz
        and exists (select 1 from ${tenantModules} m where m.tenant_id = ${deliveries.tenantId}
          and m.module_code = ${REACTIVATION_MODULE} and m.state = 'active')
        and not exists (select 1 from ${contacts} c where c.id = ${deliveries.contactId}
          and c.next_check_at <= ${now.toISOString()}::timestamptz)
      order by ${deliveries.nextAttemptAt}
      limit ${limit}
      for update skip locked)
    returning ${deliveries.id} as id, ${deliveries.tenantId} as "tenantId", ${deliveries.channel} as channel`);
  return rowsOf<ClaimedDelivery>(claimed);
}

/**
 * Claims the due deliveries of these contacts, each contact's by its own instant (the simulator's
 * per-contact clock), with the same status and lease as `dispatchDue`.
 */
export async function dispatchDueOf(db: Db, dueBy: Map<string, Date>): Promise<ClaimedDelivery[]> {
  if (dueBy.size === 0) return [];
  const list = JSON.stringify([...dueBy].map(([contactId, at]) => ({ contactId, at })));
  const claimed = await db.execute(sql`
    update ${deliveries} d set status = 'sending',
      next_attempt_at = r.at + ${CLAIM_LEASE_MS} * interval '1 millisecond'
    from json_to_recordset(${list}::json) as r("contactId" uuid, at timestamptz)
    where d.contact_id = any(array(select (e->>'contactId')::uuid from json_array_elements(${list}::json) e))
      and d.contact_id = r."contactId"
      and d.status in ('pending', 'sending') and d.next_attempt_at <= r.at
    returning d.id as id, d.tenant_id as "tenantId", d.channel as channel`);
  return rowsOf<ClaimedDelivery>(claimed);
}
