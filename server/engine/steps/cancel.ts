import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { anyOf } from "@/db/bulk";
import { deliveries } from "@/db/schema";
import type { Channel } from "@/db/schema/enums";
import { rowsOf } from "@/db/rows";
import { logEvents, type EngineEventType } from "../ledger/events";

/**
 * Cancels the not-yet-sent deliveries of some reminders on every channel, each reminder's at its
 * own instant. A provider call already under way is not stopped; every later attempt is (SPEC
 * §1.4: "a cancellation … must not produce a send after the cancellation is committed"). Callers
 * hold the contacts' locks.
 */
export async function cancelPending(
  db: Db,
  list: { reminderId: string; at: Date }[],
  cause: { type: Extract<EngineEventType, "canceled_return" | "canceled_reset">; reason: string },
): Promise<number> {
  if (list.length === 0) return 0;
  // Found by reminder (`deliveries_reminder_channel_unique`), the status compared as text so the
  // partial due index cannot be chosen: with stale statistics PostgreSQL walked it whole, and on a
  // ledger where most deliveries had been sent since the last vacuum it held ~390,000 dead
  // entries (250–310 ms a call; every return of a batch of activity pays it).
  const result = await db.execute(sql`
    update ${deliveries} set status = 'canceled',
      reason = ${cause.type === "canceled_return" ? "clicked" : "activity"},
      next_attempt_at = null, finished_at = r.at
    from json_to_recordset(${JSON.stringify(list)}::json) as r("reminderId" uuid, at timestamptz)
    where ${anyOf(
      deliveries.reminderId,
      list.map((r) => r.reminderId),
    )}
      and ${deliveries.reminderId} = r."reminderId"
      and ${deliveries.status}::text in ('pending', 'sending')
      and ${deliveries.inFlightAttempt} is null
    returning ${deliveries.id}, ${deliveries.tenantId}, ${deliveries.contactId},
      ${deliveries.reminderId}, ${deliveries.channel}, r.at`);
  type Row = {
    id: string;
    tenant_id: string;
    contact_id: string;
    reminder_id: string;
    channel: Channel;
    at: string | Date;
  };
  const canceled = rowsOf<Row>(result);
  await logEvents(
    db,
    canceled.map((d) => ({
      tenantId: d.tenant_id,
      contactId: d.contact_id,
      reminderId: d.reminder_id,
      deliveryId: d.id,
      type: cause.type,
      at: new Date(d.at),
      reason: `Canceled on ${d.channel}: ${cause.reason}`,
    })),
  );
  return canceled.length;
}
