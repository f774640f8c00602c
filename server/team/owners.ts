import { and, count, eq, ne, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { memberships, tenants } from "@/db/schema";
import { TeamRefusal } from "./errors";
import type { Member } from "./members";

/**
 * Team changes of one workspace take turns, on the tenant row's lock. Without it two owners who
 * demote each other at the same moment would each still see the other as an owner, and the
 * workspace would be left with none.
 */
export async function lockTeam(tx: Db, tenantId: string): Promise<void> {
  await tx.select({ id: tenants.id }).from(tenants).where(eq(tenants.id, tenantId)).for("update");
}

/** How many owners the workspace has besides `userId`. */
async function otherOwners(tx: Db, tenantId: string, userId: string): Promise<number> {
  const [row] = await tx
    .select({ n: count() })
    .from(memberships)
    .where(
      and(
        eq(memberships.tenantId, tenantId),
        ne(memberships.userId, userId),
        sql`'owner' = any(${memberships.roles})`,
      ),
    );
  return row?.n ?? 0;
}

/**
 * A workspace always keeps an owner: only an owner manages the team, so without one nobody could
 * ever add one again. Refuses to remove or demote the last. Call under `lockTeam`.
 */
export async function keepAnOwner(
  tx: Db,
  tenantId: string,
  member: Member,
  change: "remove" | "demote",
): Promise<void> {
  if (!member.roles.includes("owner")) return;
  if ((await otherOwners(tx, tenantId, member.userId)) > 0) return;
  const outcome = change === "remove" ? "cannot be removed" : "must stay an owner";
  throw new TeamRefusal(
    "last_owner",
    `${member.email} is the last owner of this workspace and ${outcome}. Make another member an owner first.`,
  );
}
