import { and, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { apiKeys, tenants, users } from "@/db/schema";
import type { ApiKeyAuth } from "@/server/api-keys/keys";
import type { McpPrincipal } from "./tool";

/**
 * The key's workspace, and what the tools name it by: its name and prefix for the audit log, and
 * the member who made it, for whom it reviews. Null if the key is gone since it was checked.
 */
export async function loadPrincipal(db: Db, auth: ApiKeyAuth): Promise<McpPrincipal | null> {
  const [row] = await db
    .select({
      tenant: {
        id: tenants.id,
        name: tenants.name,
        kind: tenants.kind,
        timeZone: tenants.timeZone,
      },
      name: apiKeys.name,
      prefix: apiKeys.prefix,
      createdBy: apiKeys.createdBy,
      createdByEmail: users.email,
    })
    .from(apiKeys)
    .innerJoin(tenants, eq(tenants.id, apiKeys.tenantId))
    .leftJoin(users, eq(users.id, apiKeys.createdBy))
    .where(and(eq(apiKeys.id, auth.keyId), eq(apiKeys.tenantId, auth.tenantId)));
  if (!row) return null;
  const { tenant, ...key } = row;
  return { tenant, key: { ...key, id: auth.keyId, role: auth.role, scopes: auth.scopes } };
}
