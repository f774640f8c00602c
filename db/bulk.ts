import type { PgTable } from "drizzle-orm/pg-core";
import type { Db } from "./client";

/** Postgres allows 65,535 parameters per statement; stay well under it. */
const MAX_PARAMS = 30_000;

/** Inserts rows in statements small enough for the parameter limit; skips conflicting rows. */
export async function insertInChunks<T extends PgTable>(
  db: Db,
  table: T,
  rows: T["$inferInsert"][],
): Promise<void> {
  if (rows.length === 0) return;
  const columns = Object.keys(rows[0] as object).length || 1;
  const size = Math.max(1, Math.floor(MAX_PARAMS / columns));
  for (let i = 0; i < rows.length; i += size) {
    await db
      .insert(table)
      .values(rows.slice(i, i + size) as never)
      .onConflictDoNothing();
  }
}
