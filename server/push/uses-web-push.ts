import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { tenants } from "@/db/schema";
import { getTenantSettings } from "@/server/settings/get";

/**
 * Whether the workspace sends web push (SPEC §1: the tenant enables its channels). A subscription
 * is registered only there: elsewhere it would turn on a channel the business never uses.
 */
export async function usesWebPush(db: Db, tenantId: string): Promise<boolean> {
  const [tenant] = await db
    .select({ id: tenants.id, kind: tenants.kind })
    .from(tenants)
    .where(eq(tenants.id, tenantId));
  return tenant ? (await getTenantSettings(db, tenant)).channels.includes("web_push") : false;
}
