import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { deliveries, reminders } from "@/db/schema";
import type { Channel } from "@/db/schema/enums";
import { rowsOf } from "../steps/dispatch";
import type { EngineEvent } from "./events";

/**
 * SPEC §1.1: when a higher milestone is reached, every not-yet-successful delivery of the earlier
 * reminders of the cycle is `superseded`, never sent later. A call already under way is left alone.
 * `by` names, per cycle, the milestone that was reached. Returns the decisions to log.
 */
export async function supersedeEarlier(
  db: Db,
  list: { cycleId: string; by: string }[],
  now: Date,
): Promise<EngineEvent[]> {
  if (list.length === 0) return [];
  const at = now.toISOString();
  const result = await db.execute(sql`
    update ${deliveries} d
    set status = 'superseded', reason = 'superseded by ' || m.by, next_attempt_at = null,
      finished_at = ${at}::timestamptz
    from ${reminders} r, jsonb_to_recordset(${JSON.stringify(list.map((l) => ({ cycle_id: l.cycleId, by: l.by })))}::jsonb) as m(cycle_id uuid, by text)
    where r.id = d.reminder_id and r.cycle_id = m.cycle_id
      and d.status in ('pending', 'sending') and d.in_flight_attempt is null
    returning d.id, d.tenant_id, d.contact_id, d.reminder_id, d.channel, r.cycle_id, m.by`);
  type Row = {
    id: string;
    tenant_id: string;
    contact_id: string;
    reminder_id: string;
    channel: Channel;
    cycle_id: string;
    by: string;
  };
  return rowsOf<Row>(result).map((d) => ({
    tenantId: d.tenant_id,
    contactId: d.contact_id,
    cycleId: d.cycle_id,
    reminderId: d.reminder_id,
    deliveryId: d.id,
    type: "superseded" as const,
    at: now,
    reason: `Not sent on ${d.channel}: ${d.by} was reached first.`,
  }));
}
