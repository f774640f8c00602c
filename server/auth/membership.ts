import { and, asc, eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { memberships, tenantModules, tenants, users, type ModuleState } from "@/db/schema";
import type { Role } from "@/db/schema/enums";
import { REACTIVATION_MODULE } from "@/server/modules/catalog";

export type Membership = {
  tenantId: string;
  tenantName: string;
  tenantKind: "self_study" | "home_services";
  tenantTimeZone: string;
  /** A sandbox (the demo workspaces): marked on every page; the only kind demo sign-in opens. */
  tenantSandbox: boolean;
  roles: Role[];
  /** The reactivation module's state: every page says when it is not active (nothing is sent). */
  moduleState: ModuleState;
  /** How many items a deferred activation is waiting for (0 otherwise). */
  moduleMissing: number;
};

/**
 * The user's membership in `tenantId`, or their first one when no tenant is chosen.
 * Read on every request so a revoked role takes effect at once.
 */
export async function findMembership(
  db: Db,
  userId: string,
  tenantId?: string,
): Promise<Membership | null> {
  const [row] = await db
    .select({
      tenantId: memberships.tenantId,
      tenantName: tenants.name,
      tenantKind: tenants.kind,
      tenantTimeZone: tenants.timeZone,
      tenantSandbox: tenants.sandbox,
      roles: memberships.roles,
      moduleState: sql<ModuleState>`coalesce(${tenantModules.state}, 'inactive')`,
      moduleMissing: sql<number>`case when ${tenantModules.state} = 'deferred'
        then jsonb_array_length(${tenantModules.missing}) else 0 end`.mapWith(Number),
    })
    .from(memberships)
    .innerJoin(tenants, eq(tenants.id, memberships.tenantId))
    .leftJoin(
      tenantModules,
      and(
        eq(tenantModules.tenantId, memberships.tenantId),
        eq(tenantModules.moduleCode, REACTIVATION_MODULE),
      ),
    )
    .where(
      and(
        eq(memberships.userId, userId),
        tenantId ? eq(memberships.tenantId, tenantId) : undefined,
      ),
    )
    .orderBy(asc(memberships.createdAt), asc(tenants.name))
    .limit(1);
  return row ?? null;
}

/** The user with this email, when they belong to at least one tenant. */
export async function findMemberByEmail(db: Db, email: string) {
  const [user] = await db.select().from(users).where(eq(users.email, email));
  return user && (await findMembership(db, user.id)) ? user : null;
}
