import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { exercises } from "@/db/schema";
import type { RowError } from "@/server/lib/batch";
import type { ExerciseInput } from "./exercise-input";

type Row = { index: number; value: ExerciseInput };

/**
 * Inserts or updates a tenant's exercises by external id, in one transaction: sending the same
 * catalog again changes nothing but what changed. Popularity is not the catalog's to say (it
 * counts completions), so an update keeps it.
 */
export async function upsertExercises(
  db: Db,
  tenantId: string,
  rows: Row[],
  _now: Date,
): Promise<{ created: number; updated: number; errors: RowError[] }> {
  // A row without `url` keeps the stored one: rows with and without it are separate statements.
  const withUrl = rows.filter((r) => r.value.url !== undefined).map((r) => r.value);
  const withoutUrl = rows.filter((r) => r.value.url === undefined).map((r) => r.value);
  const created = await db.transaction(
    async (tx) =>
      (await upsert(tx, tenantId, withUrl, true)) + (await upsert(tx, tenantId, withoutUrl, false)),
  );
  return { created, updated: rows.length - created, errors: [] };
}

async function upsert(
  db: Db,
  tenantId: string,
  rows: ExerciseInput[],
  setsUrl: boolean,
): Promise<number> {
  if (rows.length === 0) return 0;
  // External-id order: two overlapping batches take their row locks in the same order.
  const sorted = [...rows].sort((a, b) => (a.externalId < b.externalId ? -1 : 1));
  const result = await db
    .insert(exercises)
    .values(sorted.map((row) => ({ ...row, tenantId })))
    .onConflictDoUpdate({
      target: [exercises.tenantId, exercises.externalId],
      set: {
        title: sql`excluded.title`,
        program: sql`excluded.program`,
        skill: sql`excluded.skill`,
        publishedAt: sql`excluded.published_at`,
        ...(setsUrl ? { url: sql`excluded.url` } : {}),
      },
    })
    .returning({ inserted: sql<boolean>`(xmax = 0)` });
  return result.filter((r) => r.inserted).length;
}
