import { and, asc, eq, lte, sql, type SQL } from "drizzle-orm";
import { anyOf } from "@/db/bulk";
import type { Db } from "@/db/client";
import { asIndexWalk } from "@/db/index-walk";
import {
  contactChecks,
  contacts,
  deliveries,
  pushSubscriptions,
  tenantModules,
  tenantSettings,
  tenants,
} from "@/db/schema";
import type { Channel } from "@/db/schema/enums";
import { REACTIVATION_MODULE } from "@/server/modules/catalog";
import { activeWorkspaces } from "./active-workspaces";
import { settingsOrPreset } from "@/server/settings/get";

/**
 * The contact's newest browser subscription as the JSON web push sends to, or null. The contact's
 * id is qualified by hand: in a select from `contacts` alone drizzle leaves its columns bare, and
 * a bare `id` in here is the subscription's.
 */
const latestPushSubscription = sql<string | null>`(
  select json_build_object('endpoint', p.endpoint, 'keys', json_build_object('p256dh', p.p256dh, 'auth', p.auth))::text
  from ${pushSubscriptions} p where p.contact_id = ${contacts}.id
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
 * Locks the first `limit` contacts due at `dueBy` whose module is active (SPEC §1.9: a paused
 * workspace's due contacts wait), skipping those another worker holds, and returns their ids.
 * Only the id is read here: the scan walks the queue (`contact_checks_due_idx`) in order and stops
 * at `limit`, whereas joining the full context first made PostgreSQL read and sort every due row
 * of the workspace (on disk at 100,000 contacts) for each batch; `asIndexWalk` holds the planner
 * to that walk, joined to the contacts by primary key, whatever the statistics say. The contact's
 * own next check is compared too: when another worker moved it after this statement began,
 * PostgreSQL re-checks the locked row's new version (not the queue's), and a contact just
 * planned is passed over.
 */
async function lockDue(db: Db, dueBy: Date, limit: number): Promise<string[]> {
  const due = await asIndexWalk(db, () =>
    db
      .select({ id: contacts.id })
      .from(contactChecks)
      .innerJoin(contacts, eq(contacts.id, contactChecks.contactId))
      .where(
        and(
          lte(contactChecks.nextCheckAt, dueBy),
          sql`${contactChecks.tenantId} = any(${activeWorkspaces})`,
          lte(contacts.nextCheckAt, dueBy),
        ),
      )
      .orderBy(asc(contactChecks.nextCheckAt))
      .limit(limit)
      .for("update", { of: contacts, skipLocked: true }),
  );
  return due.map((c) => c.id);
}

/** The condition that picks the selection's contacts, or null when it picks none. */
async function selectionWhere(db: Db, selection: Selection): Promise<SQL | null> {
  if ("dueBy" in selection) {
    const due = await lockDue(db, selection.dueBy, selection.limit);
    return due.length ? anyOf(contacts.id, due) : null;
  }
  if ("ids" in selection) return selection.ids.length ? anyOf(contacts.id, selection.ids) : null;
  if ("ofDeliveries" in selection) {
    if (selection.ofDeliveries.length === 0) return null;
    // An array computed first, so the contacts are found by primary key: as `in (subquery)`,
    // stale statistics let the planner hash-join every contact of the table (150 ms at 1M).
    const ofDeliveries = db
      .select({ id: deliveries.contactId })
      .from(deliveries)
      .where(anyOf(deliveries.id, selection.ofDeliveries));
    return sql`${contacts.id} = any(array(${ofDeliveries}))`;
  }
  return and(eq(contacts.id, selection.id), eq(contacts.tenantId, selection.tenantId))!;
}

/**
 * Contacts with what every engine step needs: their zone (the tenant's when they have none) and
 * their tenant's settings, validated once per tenant. With `lock`, the contacts' row locks are
 * taken in id order (so batches never deadlock each other); they serialise the steps of one
 * contact.
 */
export async function loadContacts(db: Db, selection: Selection, lock: boolean) {
  // The due batch is locked as it is chosen; the other selections lock here, in id order.
  const where = await selectionWhere(db, selection);
  if (!where) return [];
  const query = db
    .select({ contact: contacts, pushSubscription: latestPushSubscription })
    .from(contacts)
    .where(where)
    .orderBy(asc(contacts.id));
  const rows =
    lock && !("dueBy" in selection) ? await query.for("update", { of: contacts }) : await query;
  if (rows.length === 0) return [];
  const workspaces = await loadWorkspaces(db, [...new Set(rows.map((r) => r.contact.tenantId))]);
  return rows.map(({ contact, pushSubscription }) => {
    const workspace = workspaces.get(contact.tenantId)!;
    return {
      ...contact,
      zone: contact.timeZone ?? workspace.timeZone,
      pushSubscription,
      moduleState: workspace.moduleState,
      settings: workspace.settings,
      tenant: workspace.tenant,
    };
  });
}

/**
 * What the contacts' steps need of their workspaces, one row each: read with the contacts, the
 * workspace's columns and settings came once per contact (1,000 copies of the same JSON to parse
 * in a batch).
 */
async function loadWorkspaces(db: Db, tenantIds: string[]) {
  const rows = await db
    .select({ tenant: tenants, stored: tenantSettings.settings, moduleState: tenantModules.state })
    .from(tenants)
    .leftJoin(tenantSettings, eq(tenantSettings.tenantId, tenants.id))
    .leftJoin(
      tenantModules,
      and(
        eq(tenantModules.tenantId, tenants.id),
        eq(tenantModules.moduleCode, REACTIVATION_MODULE),
      ),
    )
    .where(anyOf(tenants.id, tenantIds));
  return new Map(
    rows.map(({ tenant, stored, moduleState }) => [
      tenant.id,
      {
        timeZone: tenant.timeZone,
        /** Only an active module plans or sends (SPEC §1.9); no row is `inactive`. */
        moduleState: moduleState ?? "inactive",
        settings: settingsOrPreset(stored, tenant.kind),
        tenant: {
          kind: tenant.kind,
          holdoutSalt: tenant.holdoutSalt,
          sender: {
            name: tenant.senderName,
            email: tenant.senderEmail,
            postalAddress: tenant.postalAddress,
          },
        },
      },
    ]),
  );
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
