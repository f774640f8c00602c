import { and, asc, eq, inArray, lte } from "drizzle-orm";
import type { Db } from "@/db/client";
import { contacts, tenants } from "@/db/schema";
import type { Channel } from "@/db/schema/enums";
import { getTenantSettings } from "@/server/settings/get";
import type { TenantSettings } from "@/server/settings/schema";

type LoadOptions = {
  /** Take the contacts' row locks (in id order, so batches never deadlock each other). */
  lock: boolean;
  /** Leave out contacts another worker holds instead of waiting for them. */
  skipLocked?: boolean;
  /** Only contacts still due at this instant (a concurrent planner may have planned them). */
  dueBy?: Date;
};

/**
 * Contacts with what every engine step needs: their zone (the tenant's when they have none) and
 * their tenant's settings, read once per tenant. A row lock serialises the steps of one contact.
 */
export async function loadContacts(db: Db, ids: string[], options: LoadOptions) {
  if (ids.length === 0) return [];
  const query = db
    .select({ contact: contacts, tenant: tenants })
    .from(contacts)
    .innerJoin(tenants, eq(tenants.id, contacts.tenantId))
    .where(
      and(
        inArray(contacts.id, ids),
        options.dueBy ? lte(contacts.nextCheckAt, options.dueBy) : undefined,
      ),
    )
    .orderBy(asc(contacts.id));
  const rows = !options.lock
    ? await query
    : options.skipLocked
      ? await query.for("update", { of: contacts, skipLocked: true })
      : await query.for("update", { of: contacts });
  const settings = new Map<string, TenantSettings>();
  for (const { tenant } of rows) {
    if (!settings.has(tenant.id)) settings.set(tenant.id, await getTenantSettings(db, tenant));
  }
  return rows.map(({ contact, tenant }) => ({
    ...contact,
    zone: contact.timeZone ?? tenant.timeZone,
    settings: settings.get(tenant.id)!,
  }));
}

/** One contact (see `loadContacts`), or null when it does not exist. */
export async function loadContact(db: Db, contactId: string, lock: boolean) {
  const [contact] = await loadContacts(db, [contactId], { lock });
  return contact ?? null;
}

export type ContactContext = Awaited<ReturnType<typeof loadContacts>>[number];

/** Where a channel reaches the contact, or null when the contact has no address there. */
export function addressOn(contact: ContactContext, channel: Channel): string | null {
  if (channel === "email") return contact.email;
  if (channel === "sms") return contact.phone;
  // Web push subscriptions and Zalo user ids are registered per contact; its id addresses them.
  return contact.externalId;
}
