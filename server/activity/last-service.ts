import { asc, sql } from "drizzle-orm";
import { anyOf } from "@/db/bulk";
import type { Db } from "@/db/client";
import { contacts } from "@/db/schema";
import type { ActivityKind } from "@/db/schema/enums";
import { isQualifying } from "./qualifying";

/** A stored activity event, as far as the last service cares. */
export type ServiceEvent = {
  contactId: string;
  kind: ActivityKind;
  occurredAt: Date;
  serviceName: string | null;
};

/**
 * Moves each contact's last service to its newest qualifying event that names a service: only a
 * return (a booked or completed job, a completed exercise) is a service the contact had, not a
 * purchase or a visit. Like the last activity, it never moves back: an older job arriving late
 * leaves a newer one in place. Runs in the ingest's transaction, after the engine's step, so the
 * contacts it locks (in id order, as every step does) are mostly held already.
 */
export async function moveLastServices(
  db: Db,
  tenantId: string,
  events: ServiceEvent[],
): Promise<void> {
  const newest = new Map<string, { service: string; at: Date }>();
  for (const e of events) {
    if (!isQualifying(e.kind) || !e.serviceName) continue;
    const current = newest.get(e.contactId);
    if (!current || e.occurredAt > current.at)
      newest.set(e.contactId, { service: e.serviceName, at: e.occurredAt });
  }
  if (newest.size === 0) return;
  const ids = [...newest.keys()];
  await db
    .select({ id: contacts.id })
    .from(contacts)
    .where(anyOf(contacts.id, ids))
    .orderBy(asc(contacts.id))
    .for("update");
  const rows = [...newest].map(([id, { service, at }]) => ({ id, service, at: at.toISOString() }));
  await db.execute(sql`update ${contacts} set last_service = r.service, last_service_at = r.at
    from json_to_recordset(${JSON.stringify(rows)}::json) as r(id uuid, service text, at timestamptz)
    where ${contacts.id} = r.id and ${contacts.tenantId} = ${tenantId}
      and (${contacts.lastServiceAt} is null or ${contacts.lastServiceAt} < r.at)`);
}
