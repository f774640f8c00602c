import { and, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { contacts } from "@/db/schema";

/**
 * The contact an owner's action is about, locked for the action's transaction (the engine's steps
 * take the same row lock, so a plan or a send never runs halfway through the change), or null
 * when the tenant has no such contact.
 */
export async function lockContactForAction(db: Db, tenantId: string, contactId: string) {
  const [contact] = await db
    .select({
      id: contacts.id,
      name: contacts.name,
      externalId: contacts.externalId,
      tags: contacts.tags,
      channels: contacts.channels,
    })
    .from(contacts)
    .where(and(eq(contacts.id, contactId), eq(contacts.tenantId, tenantId)))
    .for("update");
  return contact ?? null;
}

/** How the audit log names a contact: "Maria Lopez (cust-00007)". */
export function contactLabel(contact: { name: string; externalId: string }): string {
  return contact.name ? `${contact.name} (${contact.externalId})` : contact.externalId;
}
