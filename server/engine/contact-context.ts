import { and, asc, eq, inArray, lte, sql, type SQL } from "drizzle-orm";
import { anyOf } from "@/db/bulk";
import type { Db } from "@/db/client";
import {
  contacts,
  deliveries,
  pushSubscriptions,
  tenantModules,
  tenantSettings,
  tenants,
} from "@/db/schema";
import type { Channel } from "@/db/schema/enums";
import { REACTIVATION_MODULE } from "@/server/modules/catalog";
import { settingsOrPreset } from "@/server/settings/get";
import type { TenantSettings } from "@/server/settings/schema";

/** The contact's newest browser subscription as the JSON web push sends to, or null. */
const latestPushSubscription = sql<string | null>`(
  select json_build_object('endpoint', p.endpoint, 'keys', json_build_object('p256dh', p.p256dh, 'auth', p.auth))::text
  from ${pushSubscriptions} p where p.contact_id = ${contacts.id}
  order by p.created_at desc limit 1)`;

type Selection =
  /** These contacts, waiting for the locks any other step holds. */
  | { ids: string[] }
  /** The contact a request names, only if it is the tenant's: another tenant's is not found. */
  | { tenantId: string; id: string }
  /** The contacts these deliveries are for, waiting likewise. */
  | { ofDeliveries: string[] }
  /**
   * The first `limit` contacts due at `dueBy`, skipping any another worker holds: concurrent
   * workers take disjoint batches, like a queue.
   */
  | { dueBy: Date; limit: number };

/**
 * Contacts with what every engine step needs: their zone (the tenant's when they have none) and
 * their tenant's settings, validated once per tenant. With `lock`, the contacts' row locks are
 * taken in id order (so batches never deadlock each other); they serialise the steps of one
 * contact.
 */
export async function loadContacts(db: Db, selection: Selection, lock: boolean) {
  const ids =
    "ids" in selection
      ? selection.ids
      : "ofDeliveries" in selection
        ? selection.ofDeliveries
        : null;
  if (ids?.length === 0) return [];
  const base = () =>
    db
      .select({
        contact: contacts,
        tenant: tenants,
        stored: tenantSettings.settings,
        pushSubscription: latestPushSubscription,
        moduleState: tenantModules.state,
      })
      .from(contacts)
      .innerJoin(tenants, eq(tenants.id, contacts.tenantId))
      .leftJoin(tenantSettings, eq(tenantSettings.tenantId, contacts.tenantId))
      .leftJoin(
        tenantModules,
        and(
          eq(tenantModules.tenantId, contacts.tenantId),
          eq(tenantModules.moduleCode, REACTIVATION_MODULE),
        ),
      );
  const byIds = async (where: SQL) => {
    const query = base().where(where).orderBy(asc(contacts.id));
    return lock ? await query.for("update", { of: contacts }) : await query;
  };
  const rows =
    "dueBy" in selection
      ? await base()
          // Only an active module plans (SPEC §1.9): a paused workspace's due contacts wait.
          .where(and(lte(contacts.nextCheckAt, selection.dueBy), eq(tenantModules.state, "active")))
          .orderBy(asc(contacts.nextCheckAt))
          .limit(selection.limit)
          .for("update", { of: contacts, skipLocked: true })
      : "ids" in selection
        ? await byIds(anyOf(contacts.id, selection.ids))
        : "ofDeliveries" in selection
          ? await byIds(
              inArray(
                contacts.id,
                db
                  .select({ id: deliveries.contactId })
                  .from(deliveries)
                  .where(anyOf(deliveries.id, selection.ofDeliveries)),
              ),
            )
          : await byIds(
              and(eq(contacts.id, selection.id), eq(contacts.tenantId, selection.tenantId))!,
            );
  const settings = new Map<string, TenantSettings>();
  return rows.map(({ contact, tenant, stored, pushSubscription, moduleState }) => {
    if (!settings.has(tenant.id)) settings.set(tenant.id, settingsOrPreset(stored, tenant.kind));
    return {
      ...contact,
      zone: contact.timeZone ?? tenant.timeZone,
      pushSubscription,
      /** Only an active module plans or sends (SPEC §1.9); no row is `inactive`. */
      moduleState: moduleState ?? "inactive",
      settings: settings.get(tenant.id)!,
      tenant: {
        kind: tenant.kind,
        holdoutSalt: tenant.holdoutSalt,
        sender: {
          name: tenant.senderName,
          email: tenant.senderEmail,
          postalAddress: tenant.postalAddress,
        },
      },
    };
  });
}

/** One contact of the tenant (see `loadContacts`), or null when the tenant has no such contact. */
export async function loadContact(db: Db, tenantId: string, contactId: string) {
  const [contact] = await loadContacts(db, { tenantId, id: contactId }, false);
  return contact ?? null;
}

export type ContactContext = Awaited<ReturnType<typeof loadContacts>>[number];

/** Where a channel reaches the contact, or null when the contact has no address there. */
export function addressOn(contact: ContactContext, channel: Channel): string | null {
  if (channel === "email") return contact.email;
  if (channel === "sms") return contact.phone;
  if (channel === "zalo") return contact.zaloUserId;
  return contact.pushSubscription;
}
