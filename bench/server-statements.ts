// Where a phase's time goes on the server: `pg_stat_statements`, read before and after the phase,
// when the server loads it (`shared_preload_libraries`). The client-side timing in measure.ts
// charges queueing, the network, decoding and the other worker's turn on the cores to each
// statement; this is the server's own execution time (a trigger's work inside its statement).
import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { rowsOf } from "@/db/rows";
import { statementKind } from "./measure";

/** A statement's text (whitespace collapsed, cut short), calls and server time in ms. */
export type ServerStatement = { query: string; calls: number; ms: number };

/** Whether this database's server counts statements; creates the view in it if so. */
export async function countsStatements(db: Db): Promise<boolean> {
  const [loaded] = rowsOf<{ on: boolean }>(
    await db.execute(
      sql`select current_setting('shared_preload_libraries') like '%pg_stat_statements%' as on`,
    ),
  );
  if (!loaded?.on) return false;
  await db.execute(sql`create extension if not exists pg_stat_statements`);
  return true;
}

async function snapshot(db: Db): Promise<Map<string, ServerStatement>> {
  const rows = rowsOf<{ id: string; query: string; calls: string; ms: number }>(
    await db.execute(sql`select queryid::text as id, query, calls::text as calls,
        total_exec_time + total_plan_time as ms
      from pg_stat_statements
      where dbid = (select oid from pg_database where datname = current_database())`),
  );
  return new Map(rows.map((r) => [r.id, { query: r.query, calls: Number(r.calls), ms: r.ms }]));
}

/** Runs `fn`; returns the server time of each statement it ran, most first. */
export async function serverTiming<T>(
  db: Db,
  fn: () => Promise<T>,
): Promise<{ value: T; statements: ServerStatement[] }> {
  const before = await snapshot(db);
  const value = await fn();
  const after = await snapshot(db);
  const statements = [...after].map(([id, now]) => {
    const then = before.get(id);
    return {
      query: statementKind(now.query),
      calls: now.calls - (then?.calls ?? 0),
      ms: now.ms - (then?.ms ?? 0),
    };
  });
  return {
    value,
    statements: statements.filter((s) => s.calls > 0).sort((a, b) => b.ms - a.ms),
  };
}
