import type { Db } from "@/db/client";
import { tenantEntitlements, tenantModules } from "@/db/schema";
import { REACTIVATION_MODULE, type ModuleCode } from "./catalog";

/** Grants a workspace a module (the operator's decision, as data); granting again renews it. */
export async function grantEntitlement(
  db: Db,
  grant: { tenantId: string; code: ModuleCode; source: string; expiresAt: Date | null; now: Date },
): Promise<void> {
  const { now, code, ...row } = grant;
  await db
    .insert(tenantEntitlements)
    .values({ ...row, moduleCode: code, grantedAt: now })
    .onConflictDoUpdate({
      target: [tenantEntitlements.tenantId, tenantEntitlements.moduleCode],
      set: { source: row.source, expiresAt: row.expiresAt, grantedAt: now },
    });
}

/**
 * Entitles a workspace and runs its engine without the readiness check: only for workspaces that
 * exist to run the engine (the simulator's scratch workspace, tests, benchmarks), whose providers
 * are the caller's own. Real workspaces go through `changeModuleState`.
 */
export async function entitleAndActivate(db: Db, tenantId: string, source: string, now: Date) {
  await grantEntitlement(db, { tenantId, code: REACTIVATION_MODULE, source, expiresAt: null, now });
  await db
    .insert(tenantModules)
    .values({ tenantId, moduleCode: REACTIVATION_MODULE, state: "active", changedAt: now })
    .onConflictDoUpdate({
      target: [tenantModules.tenantId, tenantModules.moduleCode],
      set: { state: "active" },
    });
}
