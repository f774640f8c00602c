import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { deliveries, reminders } from "@/db/schema";
import type { Channel } from "@/db/schema/enums";
import { rowsOf } from "@/db/rows";
import type { EngineEvent } from "./events";

/**
 * SPEC §1.1: when a higher milestone is reached, every not-yet-successful delivery of the earlier
 * reminders of the cycle is `superseded`, never sent later. A call already under way is left alone.
 * `by` names, per cycle, the milestone that was reached, `at` when. Returns the decisions to log.
 */
export async function supersedeEarlier(
  db: Db,
  list: { cycleId: string; by: string; at: Date }[],
): Promise<EngineEvent[]> {
  if (list.length === 0) return [];
  const cycleIds = JSON.stringify(list.map((l) => l.cycleId));
  const bys = JSON.stringify(list.map((l) => l.by));
  const ats = JSON.stringify(list.map((l) => l.at));
  // Arrays, not a joined record set: the planner then walks the cycle and reminder indexes.
  const result = await db.execute(sql`
    update ${deliveries} d
    set status = 'superseded', next_attempt_at = null,
      finished_at = (array(select jsonb_array_elements_text(${ats}::jsonb)::timestamptz))[p.i],
      reason = 'superseded by ' || (array(select jsonb_array_elements_text(${bys}::jsonb)))[p.i]
    from ${reminders} r,
      lateral (select array_position(
        array(select jsonb_array_elements_text(${cycleIds}::jsonb)::uuid), r.cycle_id) as i) p
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
  const of = new Map(list.map((l) => [l.cycleId, l]));
  return rowsOf<Row>(result).map((d) => ({
    tenantId: d.tenant_id,
    contactId: d.contact_id,
    cycleId: d.cycle_id,
    reminderId: d.reminder_id,
    deliveryId: d.id,
    type: "superseded" as const,
    at: of.get(d.cycle_id)!.at,
    reason: `Not sent on ${d.channel}: ${of.get(d.cycle_id)!.by} was reached first.`,
  }));
}
