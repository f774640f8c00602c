import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { contacts, tenants } from "@/db/schema";
import type { Channel } from "@/db/schema/enums";
import { getTenantSettings } from "@/server/settings/get";

/**
 * A contact with what every engine step needs: its zone (the tenant's when it has none) and its
 * tenant's settings. `lock` takes the contact's row lock, which serialises the steps of one contact.
 */
export async function loadContact(db: Db, contactId: string, lock: boolean) {
  const query = db
    .select({ contact: contacts, tenant: tenants })
    .from(contacts)
    .innerJoin(tenants, eq(tenants.id, contacts.tenantId))
    .where(eq(contacts.id, contactId));
  const [row] = lock ? await query.for("update", { of: contacts }) : await query;
  if (!row) return null;
  const settings = await getTenantSettings(db, row.tenant);
  return { ...row.contact, zone: row.contact.timeZone ?? row.tenant.timeZone, settings };
}

export type ContactContext = NonNullable<Awaited<ReturnType<typeof loadContact>>>;

/** Where a channel reaches the contact, or null when the contact has no address there. */
export function addressOn(contact: ContactContext, channel: Channel): string | null {
  if (channel === "email") return contact.email;
  if (channel === "sms") return contact.phone;
  // Web push subscriptions and Zalo user ids are registered per contact; its id addresses them.
  return contact.externalId;
}
