import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { updateInChunks } from "@/db/bulk";
import { attempts, contacts, deliveries } from "@/db/schema";
import type { Recorded } from "../sending/outcome";
import type { StepTime } from "../step-time";

/**
 * Stores what the providers said for a batch of attempts: the attempts, their deliveries, and on
 * the contacts the `reactivation:<stage>` tags, unreachable channels and their next check (a first
 * attempt starts the recurring count). A few statements for the whole batch.
 */
export async function writeOutcomes(
  db: Db,
  recorded: Recorded[],
  nextChecks: Map<string, Date | null>,
  at: StepTime,
): Promise<void> {
  if (recorded.length === 0) return;
  const attemptRows = recorded.map(({ attempt: a, contactId }) => ({
    delivery_id: a.deliveryId,
    number: a.number,
    finished_at: at(contactId),
    outcome: a.outcome,
    error_class: a.errorClass,
    response: a.response,
  }));
  // Three tables, no order between them: sent at once (pipelined on a transaction).
  await Promise.all([
    db.execute(sql`
    update ${attempts} a set outcome = r.outcome, error_class = r.error_class,
      response = r.response, finished_at = r.finished_at
    from jsonb_to_recordset(${JSON.stringify(attemptRows)}::jsonb)
      as r(delivery_id uuid, number integer, finished_at timestamptz, outcome attempt_outcome,
        error_class text, response jsonb)
    where a.delivery_id = r.delivery_id and a.number = r.number`),
    updateInChunks(
      db,
      deliveries,
      recorded.map((r) => r.delivery),
    ),
    db.execute(sql`
    update ${contacts} c set next_check_at = r.next_check_at,
      tags = array(select t from unnest(c.tags) t where t <> all(r.tags)) || r.tags,
      channels = c.channels || r.unreachable
    from (
      select id, max(next_check_at) as next_check_at, coalesce(array_agg(distinct tag) filter (where tag is not null), '{}') as tags,
        coalesce(jsonb_object_agg(unreachable, 'unreachable') filter (where unreachable is not null), '{}') as unreachable
      from jsonb_to_recordset(${JSON.stringify(contactMarks(recorded, nextChecks))}::jsonb)
        as m(id uuid, tag text, unreachable text, next_check_at timestamptz)
      group by id
    ) r
    where c.id = r.id`),
  ]);
}

function contactMarks(recorded: Recorded[], nextChecks: Map<string, Date | null>) {
  return recorded.map((r) => ({
    id: r.contactId,
    next_check_at: nextChecks.get(r.contactId) ?? null,
    tag: r.tag,
    unreachable: r.unreachable,
  }));
}
