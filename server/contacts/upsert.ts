import { and, asc, eq, inArray, sql, type SQL } from "drizzle-orm";
import type { Db } from "@/db/client";
import { contacts } from "@/db/schema";
import { logEvents } from "@/server/engine/ledger/events";
import type { RowError } from "@/server/lib/batch";
import type { ContactInput } from "./contact-input";
import { unknownTimeZones } from "./known-time-zones";

type Column = Exclude<keyof ContactInput, "externalId" | "lastActivityOverride">;

/** How a field of an existing contact changes when a row sets it. */
const onConflict: Record<Column, SQL> = {
  name: sql`excluded.name`,
  firstName: sql`excluded.first_name`,
  email: sql`excluded.email`,
  phone: sql`excluded.phone`,
  zaloUserId: sql`excluded.zalo_user_id`,
  timeZone: sql`excluded.time_zone`,
  locale: sql`excluded.locale`,
  tags: sql`excluded.tags`,
  program: sql`excluded.program`,
  lastSkill: sql`excluded.last_skill`,
  // Never moves back behind activity already recorded (unless the row overrides it).
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
  const overrides = group[0]!.lastActivityOverride === true;
  const fields = Object.keys(group[0]!).filter(
    (k): k is Column => k !== "externalId" && k !== "lastActivityOverride",
  );
  const set = Object.fromEntries(fields.map((f) => [f, onConflict[f]]));
  const before = overrides
    ? await lockedLastActivities(
        db,
        tenantId,
        group.map((r) => r.externalId),
      )
    : new Map<string, Date | null>();
  const result = await db
    .insert(contacts)
    .values(group.map((row) => toInsert(tenantId, row, now)))
    .onConflictDoUpdate({
      target: [contacts.tenantId, contacts.externalId],
      // Tags, channels or activity may change what is due: the engine plans the contact again
      // at its next scan, from the stored values (a corrected last activity included).
      set: {
        ...set,
        ...(overrides ? { lastActivityAt: sql`excluded.last_activity_at` } : {}),
        updatedAt: now,
        nextCheckAt: now,
      },
    })
    .returning({
      id: contacts.id,
      externalId: contacts.externalId,
      lastActivityAt: contacts.lastActivityAt,
      inserted: sql<boolean>`(xmax = 0)`,
    });
  if (overrides) await logOverrides(db, tenantId, before, result, now);
  return result.filter((r) => r.inserted).length;
}

/** The stored last activities of these contacts, locked in external-id order until the commit. */
async function lockedLastActivities(
  db: Db,
  tenantId: string,
  externalIds: string[],
): Promise<Map<string, Date | null>> {
  const rows = await db
    .select({ externalId: contacts.externalId, lastActivityAt: contacts.lastActivityAt })
    .from(contacts)
    .where(and(eq(contacts.tenantId, tenantId), inArray(contacts.externalId, externalIds)))
    .orderBy(asc(contacts.externalId))
    .for("update");
  return new Map(rows.map((r) => [r.externalId, r.lastActivityAt]));
}

/**
 * An override that changed a stored last activity goes on the contact's timeline with the value
 * before and after, so a correction (often backwards, which nothing else does) is never silent.
 */
async function logOverrides(
  db: Db,
  tenantId: string,
  before: Map<string, Date | null>,
  after: { id: string; externalId: string; lastActivityAt: Date | null }[],
  now: Date,
): Promise<void> {
  const changed = after.flatMap((row) => {
    const was = before.get(row.externalId);
    return was && row.lastActivityAt && was.getTime() !== row.lastActivityAt.getTime()
      ? [{ contactId: row.id, was, now: row.lastActivityAt }]
      : [];
  });
  await logEvents(
    db,
    changed.map((c) => ({
      tenantId,
      contactId: c.contactId,
      type: "last_activity_overridden" as const,
      at: now,
      reason: `The integration API set the last activity from ${c.was.toISOString()} to ${c.now.toISOString()} (lastActivityOverride); the engine counts from the new value.`,
      data: { before: c.was.toISOString(), after: c.now.toISOString() },
    })),
  );
}

function groupByFields(rows: ContactInput[]): Map<string, ContactInput[]> {
  const groups = new Map<string, ContactInput[]>();
  for (const row of rows) {
    // An override sets the last activity differently: its rows are a statement of their own.
    const key = `${Object.keys(row).sort().join(",")}:${row.lastActivityOverride === true}`;
    const group = groups.get(key);
    if (group) group.push(row);
    else groups.set(key, [row]);
  }
  return groups;
}

function toInsert(
  tenantId: string,
  { lastActivityOverride: _, ...row }: ContactInput,
  now: Date,
): typeof contacts.$inferInsert {
  return { ...row, tenantId, nextCheckAt: now };
}
