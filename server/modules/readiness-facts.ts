import { and, arrayContains, eq, gt, isNull, or } from "drizzle-orm";
import type { Db } from "@/db/client";
import { apiKeys, contacts, tenantEntitlements, tenants } from "@/db/schema";
import type { Driver } from "@/server/engine/channels/from-env";
import type { Channel } from "@/db/schema/enums";
import { getTenantSettings } from "@/server/settings/get";
import type { ModuleCode } from "./catalog";
import type { ReadinessFacts } from "./readiness";

/** What activation checks for a workspace, read at `now` (the providers come from the server). */
export async function readinessFacts(
  db: Db,
  tenantId: string,
  code: ModuleCode,
  drivers: Record<Channel, Driver>,
  now: Date,
): Promise<ReadinessFacts> {
  const [tenant] = await db.select().from(tenants).where(eq(tenants.id, tenantId));
  if (!tenant) throw new Error(`No workspace ${tenantId}`);
  const [[entitlement], settings, crmConnected] = await Promise.all([
    db
      .select({ expiresAt: tenantEntitlements.expiresAt, source: tenantEntitlements.source })
      .from(tenantEntitlements)
      .where(
        and(eq(tenantEntitlements.tenantId, tenantId), eq(tenantEntitlements.moduleCode, code)),
      ),
    getTenantSettings(db, tenant),
    hasContactsSource(db, tenantId, now),
  ]);
  return {
    entitlement: entitlement ?? null,
    sandbox: tenant.sandbox,
    channels: settings.channels,
    drivers,
    crmConnected,
    sender: {
      name: tenant.senderName,
      email: tenant.senderEmail,
      postalAddress: tenant.postalAddress,
    },
  };
}

/** Contacts already arrived, or a live key may send them. */
async function hasContactsSource(db: Db, tenantId: string, now: Date): Promise<boolean> {
  const [contact] = await db
    .select({ id: contacts.id })
    .from(contacts)
    .where(eq(contacts.tenantId, tenantId))
    .limit(1);
  if (contact) return true;
  const [key] = await db
    .select({ id: apiKeys.id })
    .from(apiKeys)
    .where(
      and(
        eq(apiKeys.tenantId, tenantId),
        isNull(apiKeys.revokedAt),
        or(isNull(apiKeys.expiresAt), gt(apiKeys.expiresAt, now)),
        arrayContains(apiKeys.scopes, ["contacts"]),
      ),
    )
    .limit(1);
  return key !== undefined;
}
