import { sql } from "drizzle-orm";
import type { Db } from "./client";
import { rowsOf } from "./rows";

// Every plan shape but an ordered index walk joined by nested loops.
const OTHER_PLANS = [
  "enable_sort",
  "enable_bitmapscan",
  "enable_seqscan",
  "enable_hashjoin",
  "enable_mergejoin",
] as const;

// Each setting's value is kept before it is switched off, in one statement (the materialised
// CTE is read first): going through `pg_settings` cost ~1.5 ms a statement on PGlite.
const switchOff = sql.raw(
  `with was as materialized (select ${OTHER_PLANS.map((name) => `current_setting('${name}') as ${name}`).join(", ")})
  select was.*, ${OTHER_PLANS.map((name) => `set_config('${name}', 'off', true)`).join(", ")} from was`,
);
const restore = (was: Record<string, string>) =>
  sql`select ${sql.join(
    OTHER_PLANS.map((name) => sql`set_config(${name}, ${was[name]}, true)`),
    sql`, `,
  )}`;

/**
 * Runs a read in this transaction planned as index walks joined by nested loops: a queue read
 * walks the queue's index in order, joined by primary key, and stops at its `limit`. Statistics
 * lag behind the engine's tables (PGlite has no autovacuum, and a server's runs after the fact);
 * when they say few rows are due, the planner prefers to fetch, join and sort every due row
 * instead (a sequential scan of `contacts` and a sort: 30 ms a batch at 100,000 contacts, 735 ms
 * for the deliveries' queue at 200,000 due).
 *
 * A plain index walk also marks the index entries of dead row versions it meets, so later walks
 * skip them; a bitmap scan never does, and until a vacuum every read pays for every version the
 * engine's updates left behind (the simulated year's due query read 364,916 entries of
 * `deliveries_due_idx` to find none: 104 ms a round, 9 ms as a walk).
 *
 * The settings are the transaction's own and are put back as they were after the read; outside
 * a transaction they last one statement, and the read is planned as usual.
 */
export async function asIndexWalk<T>(tx: Db, read: () => Promise<T>): Promise<T> {
  const [was] = rowsOf<Record<string, string>>(await tx.execute(switchOff));
  const result = await read();
  await tx.execute(restore(was!));
  return result;
}
