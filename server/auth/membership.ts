import { and, asc, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { memberships, tenants, users } from "@/db/schema";
import type { Role } from "@/db/schema/enums";

export type Membership = {
  tenantId: string;
  tenantName: string;
  tenantKind: "self_study" | "home_services";
  tenantTimeZone: string;
  /** A sandbox (the demo workspaces): marked on every page; the only kind demo sign-in opens. */
  tenantSandbox: boolean;
  roles: Role[];
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
    })
    .from(memberships)
    .innerJoin(tenants, eq(tenants.id, memberships.tenantId))
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
