import { sql, type SQL } from "drizzle-orm";
import type { Db } from "@/db/client";
import { rowsOf } from "@/db/rows";
import { periodKinds, periodStart } from "../periods";
import type { RollupSums } from "./sums";

type Row = { p: string; dimension: string; key: string; metric: string; n: string | number };

/**
 * The local date an instant column falls on, in the workspace's zone, as `YYYY-MM-DD`: counted by
 * day in one pass, then added to its week and its month.
 */
const dayOf = (column: SQL, zone: string) =>
  sql`to_char(${column} at time zone ${zone}, 'YYYY-MM-DD')`;

/**
 * Counts the dashboard reads straight from the ledger, added up in the database: reminders sent
 * (per stage and channel), deliveries by final status and reason, failed attempts by error class,
 * retries, deferrals by quiet hours and the cap, and cycles planned but never sent (the funnel's
 * first step). Held-out cycles plan too but are counted apart.
 */
export async function addLedgerCounts(
  db: Db,
  sums: RollupSums,
  tenantId: string,
  zone: string,
): Promise<void> {
  const queries = [
    sql`select ${dayOf(sql`d.finished_at`, zone)} p, g.dimension, g.key, 'sent' metric, count(*) n
        from deliveries d join reminders r on r.id = d.reminder_id
        cross join lateral (values ('total', ''), ('stage', r.key), ('channel', d.channel::text)) g(dimension, key)
        where d.tenant_id = ${tenantId} and d.status = 'sent'
        group by 1, 2, 3`,
    sql`select ${dayOf(sql`d.due_at`, zone)} p, 'total' dimension, '' key,
          'status:' || d.status || ':' || coalesce(d.reason, '') metric, count(*) n
        from deliveries d where d.tenant_id = ${tenantId}
        group by 1, 4`,
    sql`select ${dayOf(sql`a.started_at`, zone)} p, 'total' dimension, '' key, m.metric, count(*) n
        from attempts a cross join lateral (
          select 'failure:' || coalesce(a.error_class, a.outcome::text)
            where a.outcome in ('failed_transient', 'failed_permanent')
          union all select 'retry' where a.number > 1) m(metric)
        where a.tenant_id = ${tenantId}
        group by 1, 4`,
    sql`select ${dayOf(sql`e.at`, zone)} p, 'total' dimension, '' key, 'event:' || e.type metric, count(*) n
        from engine_events e where e.tenant_id = ${tenantId} and e.type in ('deferred_quiet_hours', 'capped')
        group by 1, 4`,
    // The funnel's first step for cycles nothing was sent in (by their first due time);
    // reached cycles count as planned where they count as sent (add-outcome.ts).
    sql`select ${dayOf(sql`f.first_due`, zone)} p, 'total' dimension, '' key, 'planned' metric, count(*) n
        from (select min(d.due_at) first_due from deliveries d
          join reminders r on r.id = d.reminder_id join cycles c on c.id = r.cycle_id
          where d.tenant_id = ${tenantId} and not c.held_out group by r.cycle_id
          having count(*) filter (where d.status = 'sent') = 0) f
        group by 1`,
  ];
  for (const query of queries)
    for (const row of rowsOf<Row>(await db.execute(query)))
      for (const period of periodKinds)
        sums.add(
          {
            period,
            periodStart: periodStart(row.p, period),
            dimension: row.dimension,
            key: row.key,
          },
          row.metric,
          Number(row.n),
        );
}
