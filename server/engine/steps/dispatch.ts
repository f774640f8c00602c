import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { asIndexWalk } from "@/db/index-walk";
import { contacts, deliveries } from "@/db/schema";
import type { Channel } from "@/db/schema/enums";
import { rowsOf } from "@/db/rows";
import { activeWorkspaces } from "../active-workspaces";

export type ClaimedDelivery = { id: string; tenantId: string; channel: Channel };

/** How long a claimed delivery stays with its worker before another may take it over. */
export const CLAIM_LEASE_MS = 5 * 60_000;

/**
 * SPEC §2: claims due deliveries with `FOR UPDATE SKIP LOCKED`, so concurrent workers never take
 * the same one. A claim whose worker died is claimed again once its lease has run out.
 *
 * A contact's due deliveries are claimed together, by whichever worker locks the contact: the
 * first `limit` due deliveries of contacts no other worker holds name the contacts, and every due
 * delivery of theirs is taken (so a claim may hold a few more than `limit`).
 * Sending locks the contact; when two workers held deliveries of one contact, one of them waited
 * for the other's whole batch, and two senders were barely faster than one (`bench/RESULTS.md`).
 *
 * Only an active module sends (SPEC §1.9). A contact whose planning is overdue (after downtime or
 * a pause) is planned first: a higher stage reached meanwhile supersedes its waiting deliveries,
 * which must not go out in the gap (§1.1, highest stage only).
 */
export async function dispatchDue(db: Db, now: Date, limit = 200): Promise<ClaimedDelivery[]> {
  const at = now.toISOString();
  const leaseEnd = new Date(now.getTime() + CLAIM_LEASE_MS).toISOString();
  const active = sql`${deliveries.tenantId} = any(${activeWorkspaces})`;
  // The contacts of the first `limit` due deliveries among the contacts no other worker holds,
  // locked as they are found: a claim running beside another's takes the next contacts, where
  // picking the first due deliveries before skipping the held contacts gave it none (and its
  // worker stopped for the tick while a backlog waited). The deliveries are locked too: those
  // another claim is taking, or took after this statement began, are passed over (a recheck of
  // their new version finds them leased), where taking their contact made this claim come back
  // empty with work due.
  const owned = sql`select ${deliveries.contactId} from ${deliveries}
    join ${contacts} c on c.id = ${deliveries.contactId}
    where ${deliveries.status} in ('pending', 'sending')
      and ${deliveries.nextAttemptAt} <= ${at}::timestamptz and ${active}
      and coalesce(c.next_check_at, 'infinity') > ${at}::timestamptz
    order by ${deliveries.nextAttemptAt}
    limit ${limit}
    for update of c, ${deliveries} skip locked`;
  // The owned contacts' due deliveries are found by contact (`deliveries_contact_channel_idx`).
  // Their status is compared as text so that the partial `deliveries_due_idx` does not match:
  // with stale statistics PostgreSQL preferred walking every due delivery of the queue and
  // filtering by contact (240 ms a claim at 1M contacts, 1.2 s at 200,000 due in psql).
  const claim = sql`
    update ${deliveries} set status = 'sending', next_attempt_at = ${leaseEnd}::timestamptz
    where ${deliveries.contactId} = any(array(${owned}))
      and ${deliveries.status}::text in ('pending', 'sending')
      and ${deliveries.nextAttemptAt} <= ${at}::timestamptz and ${active}
    returning ${deliveries.id} as id, ${deliveries.tenantId} as "tenantId", ${deliveries.channel} as channel`;
  // The first due deliveries are read by walking `deliveries_due_idx` in order, stopping after
  // `limit` rows, and the owned contacts' deliveries by contact, whatever the statistics say.
  const claimed = await db.transaction((tx) =>
    asIndexWalk(tx, () => tx.execute<{ id: string }>(claim)),
  );
  return rowsOf<ClaimedDelivery>(claimed);
}

/**
 * Claims the due deliveries of these contacts, each contact's by its own instant (the simulator's
 * per-contact clock), with the same status and lease as `dispatchDue`. As there, the status is
 * compared as text so the deliveries are found by contact: matching the partial
 * `deliveries_due_idx`, PostgreSQL intersected it with the contacts' index and read every due
 * entry of the ledger (364,514 late in the simulated year: up to 742 ms a claim).
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
      and d.status::text in ('pending', 'sending') and d.next_attempt_at <= r.at
    returning d.id as id, d.tenant_id as "tenantId", d.channel as channel`);
  return rowsOf<ClaimedDelivery>(claimed);
}
