import { sql, type SQL } from "drizzle-orm";
import type { Db } from "@/db/client";
import { contacts } from "@/db/schema";
import type { RowError } from "@/server/lib/batch";
import type { ContactInput } from "./contact-input";
import { unknownTimeZones } from "./known-time-zones";

type Column = Exclude<keyof ContactInput, "externalId">;

/** How a field of an existing contact changes when a row sets it. */
const onConflict: Record<Column, SQL> = {
  name: sql`excluded.name`,
  email: sql`excluded.email`,
  phone: sql`excluded.phone`,
  zaloUserId: sql`excluded.zalo_user_id`,
  timeZone: sql`excluded.time_zone`,
  locale: sql`excluded.locale`,
  tags: sql`excluded.tags`,
  program: sql`excluded.program`,
  lastSkill: sql`excluded.last_skill`,
  // Never moves back behind activity already recorded.
  lastActivityAt: sql`greatest(${contacts.lastActivityAt}, excluded.last_activity_at)`,
  // Merges: a row naming one channel leaves the others as they are.
  channels: sql`${contacts.channels} || excluded.channels`,
};

type Row = { index: number; value: ContactInput };

/**
 * Inserts or updates contacts by external id, in one transaction. Only the fields a row contains
 * change, so rows are grouped by their set of fields and each group is one statement. A row
 * whose zone the database does not know is reported, not stored.
 */
export async function upsertContacts(
  db: Db,
  tenantId: string,
  rows: Row[],
  now: Date,
): Promise<{ created: number; updated: number; errors: RowError[] }> {
  const unknown = await unknownTimeZones(
    db,
    rows.flatMap((r) => r.value.timeZone ?? []),
  );
  const errors: RowError[] = rows
    .filter((r) => r.value.timeZone && unknown.has(r.value.timeZone))
    .map((r) => ({
      index: r.index,
      field: "timeZone",
      reason: "is not a time zone this database knows",
    }));
  const accepted = rows.filter((r) => !(r.value.timeZone && unknown.has(r.value.timeZone)));
  // Rows lock in external-id order, so two overlapping batches cannot deadlock.
  const sorted = accepted
    .map((r) => r.value)
    .sort((a, b) => (a.externalId < b.externalId ? -1 : 1));
  const created = await db.transaction(async (tx) => {
    let inserted = 0;
    for (const group of groupByFields(sorted).values())
      inserted += await upsertGroup(tx, tenantId, group, now);
    return inserted;
  });
  return { created, updated: accepted.length - created, errors };
}

async function upsertGroup(
  db: Db,
  tenantId: string,
  group: ContactInput[],
  now: Date,
): Promise<number> {
  const fields = Object.keys(group[0]!).filter((k): k is Column => k !== "externalId");
  const set = Object.fromEntries(fields.map((f) => [f, onConflict[f]]));
  const result = await db
    .insert(contacts)
    .values(group.map((row) => toInsert(tenantId, row, now)))
    .onConflictDoUpdate({
      target: [contacts.tenantId, contacts.externalId],
      // Tags, channels or activity may change what is due: the engine looks again.
      set: { ...set, updatedAt: now, nextCheckAt: now },
    })
    .returning({ inserted: sql<boolean>`(xmax = 0)` });
  return result.filter((r) => r.inserted).length;
}

function groupByFields(rows: ContactInput[]): Map<string, ContactInput[]> {
  const groups = new Map<string, ContactInput[]>();
  for (const row of rows) {
    const key = Object.keys(row).sort().join(",");
    const group = groups.get(key);
    if (group) group.push(row);
    else groups.set(key, [row]);
  }
  return groups;
}

function toInsert(tenantId: string, row: ContactInput, now: Date): typeof contacts.$inferInsert {
  return {
    ...row,
    tenantId,
    lastActivityAt: row.lastActivityAt ? new Date(row.lastActivityAt) : undefined,
    nextCheckAt: now,
  };
}
