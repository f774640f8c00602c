import { and, eq, max, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { rowsOf } from "@/db/rows";
import { engineEvents, ledgerCursors } from "@/db/schema";

/** Where a reader of the ledger stands (see `ledgerCursors`). */
export type CursorState = {
  seq: number;
  /** A missing `seq` it waits on: every one up to `through` is final once `xmax` is passed. */
  gap: { through: number; xmax: number } | null;
};

export async function loadCursor(db: Db, name: string): Promise<CursorState | null> {
  const [row] = await db.select().from(ledgerCursors).where(eq(ledgerCursors.name, name));
  if (!row) return null;
  const gap =
    row.gapThrough !== null && row.gapXmax !== null
      ? { through: row.gapThrough, xmax: row.gapXmax }
      : null;
  return { seq: row.seq, gap };
}

/**
 * Starts a reader at the ledger's current end: it forwards what happens from now on, not the
 * ledger's past (a workspace's years of history would arrive at once as new events).
 */
export async function startCursor(db: Db, name: string, now: Date): Promise<CursorState> {
  const [last] = await db.select({ seq: max(engineEvents.seq) }).from(engineEvents);
  await db
    .insert(ledgerCursors)
    .values({ name, seq: last?.seq ?? 0, updatedAt: now })
    .onConflictDoNothing();
  return (await loadCursor(db, name))!;
}

/**
 * Moves the cursor from `before` to `after`; false when another run moved it meanwhile (its
 * events went out with that run, so this one's are not counted twice by moving it back).
 */
export async function moveCursor(
  db: Db,
  name: string,
  before: CursorState,
  after: CursorState,
  now: Date,
): Promise<boolean> {
  const moved = await db
    .update(ledgerCursors)
    .set({
      seq: after.seq,
      gapThrough: after.gap?.through ?? null,
      gapXmax: after.gap?.xmax ?? null,
      updatedAt: now,
    })
    .where(and(eq(ledgerCursors.name, name), eq(ledgerCursors.seq, before.seq)))
    .returning({ name: ledgerCursors.name });
  return moved.length > 0;
}

/**
 * The current snapshot's transaction ids: every transaction below `xmin` has ended; every one
 * that has started has an id below `xmax`. (64-bit ids, far below 2^53 in practice.)
 */
export async function transactionHorizon(db: Db): Promise<{ xmin: number; xmax: number }> {
  const [row] = rowsOf<{ xmin: string; xmax: string }>(
    await db.execute(
      sql`select pg_snapshot_xmin(pg_current_snapshot())::text as xmin,
        pg_snapshot_xmax(pg_current_snapshot())::text as xmax`,
    ),
  );
  return { xmin: Number(row!.xmin), xmax: Number(row!.xmax) };
}
