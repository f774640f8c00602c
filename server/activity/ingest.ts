import { and, eq, inArray, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { activityEvents, contacts, exercises } from "@/db/schema";
import type { RowError } from "@/server/lib/batch";
import type { ActivityInput } from "./activity-input";
import { rowsOf } from "@/db/rows";
import { recordActivity } from "@/server/engine/steps/record-activity";
import { isQualifying } from "./qualifying";

type Row = { index: number; value: ActivityInput };

export type IngestResult = { stored: number; duplicates: number; errors: RowError[] };

/**
 * Stores activity events idempotently (by external id) and moves each contact's last activity
 * forward. One transaction: an accepted event is stored before the caller gets its answer.
 */
export async function ingestActivity(
  db: Db,
  tenantId: string,
  rows: Row[],
  now: Date,
): Promise<IngestResult> {
  return db.transaction(async (tx) => {
    const contactIds = await idsByExternalId(
      tx,
      contacts,
      tenantId,
      rows.map((r) => r.value.contactExternalId),
    );
    const exerciseIds = await idsByExternalId(
      tx,
      exercises,
      tenantId,
      rows.flatMap((r) => r.value.exerciseExternalId ?? []),
    );
    const errors: RowError[] = [];
    const accepted: (typeof activityEvents.$inferInsert)[] = [];
    for (const { index, value } of rows) {
      const error = checkRow(value, contactIds, exerciseIds);
      if (error) errors.push({ index, ...error });
      else accepted.push(toInsert(tenantId, value, contactIds, exerciseIds));
    }
    const inserted = accepted.length
      ? await tx
          .insert(activityEvents)
          .values(accepted)
          .onConflictDoNothing({ target: [activityEvents.tenantId, activityEvents.externalId] })
          .returning({
            contactId: activityEvents.contactId,
            kind: activityEvents.kind,
            occurredAt: activityEvents.occurredAt,
          })
      : [];
    const qualifying = inserted.filter((e) => isQualifying(e.kind));
    const moved = await advanceLastActivity(tx, tenantId, qualifying);
    // The engine resets each returning contact's chain in the same transaction (SPEC §1.4).
    for (const contactId of moved) await recordActivity(tx, contactId, now);
    return { stored: inserted.length, duplicates: accepted.length - inserted.length, errors };
  });
}

function checkRow(
  value: ActivityInput,
  contactIds: Map<string, string>,
  exerciseIds: Map<string, string>,
): Omit<RowError, "index"> | null {
  if (!contactIds.has(value.contactExternalId)) {
    return {
      field: "contactExternalId",
      reason: "no contact has this external id; create it with POST /api/v1/contacts first",
    };
  }
  if (value.exerciseExternalId && !exerciseIds.has(value.exerciseExternalId)) {
    return { field: "exerciseExternalId", reason: "no exercise has this external id" };
  }
  return null;
}

function toInsert(
  tenantId: string,
  value: ActivityInput,
  contactIds: Map<string, string>,
  exerciseIds: Map<string, string>,
): typeof activityEvents.$inferInsert {
  return {
    tenantId,
    contactId: contactIds.get(value.contactExternalId)!,
    externalId: value.externalId,
    kind: value.kind,
    occurredAt: value.occurredAt,
    revenueMinor: value.revenueMinor ?? 0,
    currency: value.currency ?? null,
    exerciseId: value.exerciseExternalId ? exerciseIds.get(value.exerciseExternalId)! : null,
  };
}

async function idsByExternalId(
  db: Db,
  table: typeof contacts | typeof exercises,
  tenantId: string,
  externalIds: string[],
): Promise<Map<string, string>> {
  const unique = [...new Set(externalIds)];
  if (unique.length === 0) return new Map();
  const found = await db
    .select({ id: table.id, externalId: table.externalId })
    .from(table)
    .where(and(eq(table.tenantId, tenantId), inArray(table.externalId, unique)));
  return new Map(found.map((r) => [r.externalId, r.id]));
}

/** Moves each contact's last activity to its newest new event; never backwards. */
async function advanceLastActivity(
  db: Db,
  tenantId: string,
  events: { contactId: string; occurredAt: Date }[],
): Promise<string[]> {
  const newest = new Map<string, Date>();
  for (const e of events) {
    const current = newest.get(e.contactId);
    if (!current || e.occurredAt > current) newest.set(e.contactId, e.occurredAt);
  }
  if (newest.size === 0) return [];
  // One statement, rows in id order, so overlapping batches lock contacts in the same order.
  const moves = [...newest].sort(([a], [b]) => (a < b ? -1 : 1)).map(([id, at]) => ({ id, at }));
  const updated = await db.execute(sql`
    update ${contacts} set last_activity_at = m.at
    from jsonb_to_recordset(${JSON.stringify(moves)}::jsonb) as m(id uuid, at timestamptz)
    where ${contacts.id} = m.id and ${contacts.tenantId} = ${tenantId}
      and (${contacts.lastActivityAt} is null or ${contacts.lastActivityAt} < m.at)
    returning ${contacts.id} as id`);
  return rowsOf<{ id: string }>(updated).map((r) => r.id);
}
