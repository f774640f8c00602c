import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { deliveries, reminders } from "@/db/schema";
import type { Channel } from "@/db/schema/enums";
import { rowsOf } from "@/db/rows";
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
  const cycleIds = JSON.stringify(list.map((l) => l.cycleId));
  const bys = JSON.stringify(list.map((l) => l.by));
  // Arrays, not a joined record set: the planner then walks the cycle and reminder indexes.
  const result = await db.execute(sql`
    update ${deliveries} d
    set status = 'superseded', next_attempt_at = null, finished_at = ${now.toISOString()}::timestamptz,
      reason = 'superseded by ' || (array(select jsonb_array_elements_text(${bys}::jsonb)))[
        array_position(array(select jsonb_array_elements_text(${cycleIds}::jsonb)::uuid), r.cycle_id)]
    from ${reminders} r
    where r.cycle_id = any(array(select jsonb_array_elements_text(${cycleIds}::jsonb)::uuid))
      and d.reminder_id = r.id
      and d.status in ('pending', 'sending') and d.in_flight_attempt is null
    returning d.id, d.tenant_id, d.contact_id, d.reminder_id, d.channel, r.cycle_id`);
  type Row = {
    id: string;
    tenant_id: string;
    contact_id: string;
    reminder_id: string;
    channel: Channel;
    cycle_id: string;
  };
  const byOf = new Map(list.map((l) => [l.cycleId, l.by]));
  return rowsOf<Row>(result).map((d) => ({
    tenantId: d.tenant_id,
    contactId: d.contact_id,
    cycleId: d.cycle_id,
    reminderId: d.reminder_id,
    deliveryId: d.id,
    type: "superseded" as const,
    at: now,
    reason: `Not sent on ${d.channel}: ${byOf.get(d.cycle_id)} was reached first.`,
  }));
}
