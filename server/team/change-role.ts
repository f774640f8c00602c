import { and, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { memberships } from "@/db/schema";
import { recordAudit, type Actor } from "@/server/audit/record";
import { memberNotFound } from "./errors";
import { findMember } from "./members";
import { keepAnOwner, lockTeam } from "./owners";
import type { TeamRole } from "./schema";

export type RoleChange = { userId: string; email: string; from: string[]; to: TeamRole[] };

/**
 * Gives a member exactly one role. It applies from their next request, since every request reads
 * the membership. The last owner keeps the owner role; choosing the role they have changes
 * nothing and is not audited.
 */
export async function changeRole(
  db: Db,
  input: { tenantId: string; userId: string; role: TeamRole; actor: Actor; now: Date },
): Promise<RoleChange & { changed: boolean }> {
  return db.transaction(async (tx) => {
    await lockTeam(tx, input.tenantId);
    const member = await findMember(tx, input.tenantId, input.userId);
    if (!member) throw memberNotFound();
    const to = [input.role];
    const change = { userId: member.userId, email: member.email, from: member.roles, to };
    if (member.roles.length === 1 && member.roles[0] === input.role)
      return { ...change, changed: false };
    if (input.role !== "owner") await keepAnOwner(tx, input.tenantId, member, "demote");
    await tx
      .update(memberships)
      .set({ roles: to })
      .where(and(eq(memberships.tenantId, input.tenantId), eq(memberships.userId, member.userId)));
    await recordAudit(tx, {
      tenantId: input.tenantId,
      actor: input.actor,
      kind: "team",
      summary: `Changed ${member.email}'s role from ${member.roles.join(", ")} to ${input.role}`,
      data: change,
      at: input.now,
    });
    return { ...change, changed: true };
  });
}
