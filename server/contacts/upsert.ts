import { and, asc, eq, inArray, sql, type SQL } from "drizzle-orm";
import type { Db } from "@/db/client";
import { contacts } from "@/db/schema";
import type { Channel } from "@/db/schema/enums";
import { logEvents } from "@/server/engine/ledger/events";
import { recordActivities, type ActivityMove } from "@/server/engine/steps/record-activity";
import type { RowError } from "@/server/lib/batch";
import { setChannelState } from "@/server/preferences/channel-state";
import type { ContactInput } from "./contact-input";
import { unknownTimeZones } from "./known-time-zones";

/** Fields the upsert statement writes; the last activity of a stored contact moves by the engine. */
type Column = Exclude<keyof ContactInput, "externalId" | "lastActivityOverride" | "lastActivityAt">;

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
  // Merges: a row naming one channel leaves the others as they are.
  channels: sql`${contacts.channels} || excluded.channels`,
};

/** The address of each channel a row can set, and how the timeline names a new one. */
const addresses = [
  { channel: "email", field: "email", label: "new email address" },
  { channel: "sms", field: "phone", label: "new phone number" },
  { channel: "zalo", field: "zaloUserId", label: "new Zalo user id" },
] as const satisfies { channel: Channel; field: Column; label: string }[];

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
  /** Who sent the rows, as a contact's timeline says it ("the contacts API", "a CSV import"). */
  source = "the contacts API",
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
  // New rows insert in external-id order, so two overlapping batches cannot deadlock.
  const sorted = accepted
    .map((r) => r.value)
    .sort((a, b) => (a.externalId < b.externalId ? -1 : 1));
  const created = await db.transaction(async (tx) => {
    await lockStored(
      tx,
      tenantId,
      sorted.map((r) => r.externalId),
    );
    let inserted = 0;
    for (const group of groupByFields(sorted).values())
      inserted += await upsertGroup(tx, tenantId, group, now, source);
    return inserted;
  });
  return { created, updated: accepted.length - created, errors };
}

async function upsertGroup(
  db: Db,
  tenantId: string,
  group: ContactInput[],
  now: Date,
  source: string,
): Promise<number> {
  const fields = Object.keys(group[0]!).filter((k): k is Column => k in onConflict);
  const set = Object.fromEntries(fields.map((f) => [f, onConflict[f]]));
  const before = addresses.some((a) => fields.includes(a.field))
    ? await storedAddresses(
        db,
        tenantId,
        group.map((r) => r.externalId),
      )
    : new Map<string, StoredAddresses>();
  const result = await db
    .insert(contacts)
    .values(group.map((row) => toInsert(tenantId, row, now)))
    .onConflictDoUpdate({
      target: [contacts.tenantId, contacts.externalId],
      // Tags, channels or addresses may change what is due: the engine plans the contact again
      // at its next scan, from the stored values.
      set: { ...set, updatedAt: now, nextCheckAt: now },
    })
    .returning({
      id: contacts.id,
      externalId: contacts.externalId,
      inserted: sql<boolean>`(xmax = 0)`,
    });
  const rowOf = new Map(group.map((row) => [row.externalId, row]));
  const updated = result
    .filter((r) => !r.inserted)
    .map((r) => ({ id: r.id, row: rowOf.get(r.externalId)! }));
  // A new contact's first cycle starts at its last activity; a stored one's activity is a return
  // (or a correction): the engine's step moves it and resets the chain, like the activity API.
  const moves = await recordActivities(
    db,
    updated.flatMap(({ id, row }) =>
      row.lastActivityAt
        ? [
            {
              contactId: id,
              activityAt: row.lastActivityAt,
              at: now,
              override: row.lastActivityOverride,
            },
          ]
        : [],
    ),
  );
  if (group[0]!.lastActivityOverride) await logOverrides(db, tenantId, moves, now);
  await reachableAgain(db, tenantId, before, updated, now, source);
  return result.length - updated.length;
}

/**
 * Locks the stored contacts among these first, in id order: the order every engine step takes
 * contact locks in, so an upsert and a plan, send or activity never wait on each other in a cycle.
 */
async function lockStored(db: Db, tenantId: string, externalIds: string[]): Promise<void> {
  if (externalIds.length === 0) return;
  await db
    .select({ id: contacts.id })
    .from(contacts)
    .where(and(eq(contacts.tenantId, tenantId), inArray(contacts.externalId, externalIds)))
    .orderBy(asc(contacts.id))
    .for("update");
}

type StoredAddresses = Pick<
  typeof contacts.$inferSelect,
  "email" | "phone" | "zaloUserId" | "channels"
>;

/** The stored addresses and channel states of these contacts (locked already by `lockStored`). */
async function storedAddresses(
  db: Db,
  tenantId: string,
  externalIds: string[],
): Promise<Map<string, StoredAddresses>> {
  const rows = await db
    .select({
      id: contacts.id,
      email: contacts.email,
      phone: contacts.phone,
      zaloUserId: contacts.zaloUserId,
      channels: contacts.channels,
    })
    .from(contacts)
    .where(and(eq(contacts.tenantId, tenantId), inArray(contacts.externalId, externalIds)));
  return new Map(rows.map(({ id, ...stored }) => [id, stored]));
}

/**
 * SPEC §1.3: a permanent failure makes a channel unreachable until the contact's address on it
 * changes. A new address makes it reachable again, unless the row sets that channel's state
 * itself; the same address sent again changes nothing.
 */
async function reachableAgain(
  db: Db,
  tenantId: string,
  before: Map<string, StoredAddresses>,
  updated: { id: string; row: ContactInput }[],
  now: Date,
  source: string,
): Promise<void> {
  for (const { id, row } of updated) {
    const stored = before.get(id);
    if (!stored) continue;
    for (const { channel, field, label } of addresses) {
      const address = row[field];
      if (
        address &&
        address !== stored[field] &&
        stored.channels[channel] === "unreachable" &&
        !row.channels?.[channel]
      ) {
        await setChannelState(db, {
          tenantId,
          contactId: id,
          channel,
          state: "subscribed",
          source: `${source}: ${label}`,
          now,
        });
      }
    }
  }
}

/**
 * An override that changed a stored last activity goes on the contact's timeline with the value
 * before and after, so a correction (often backwards, which nothing else does) is never silent.
 */
async function logOverrides(
  db: Db,
  tenantId: string,
  moves: ActivityMove[],
  now: Date,
): Promise<void> {
  await logEvents(
    db,
    moves.flatMap(({ contactId, before, after }) =>
      before
        ? [
            {
              tenantId,
              contactId,
              type: "last_activity_overridden" as const,
              at: now,
              reason: `The integration API set the last activity from ${before.toISOString()} to ${after.toISOString()} (lastActivityOverride); the engine counts from the new value.`,
              data: { before: before.toISOString(), after: after.toISOString() },
            },
          ]
        : [],
    ),
  );
}

function groupByFields(rows: ContactInput[]): Map<string, ContactInput[]> {
  const groups = new Map<string, ContactInput[]>();
  for (const row of rows) {
    // An override sets the last activity differently: its rows are a group of their own.
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
