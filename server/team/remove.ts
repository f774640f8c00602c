import { and, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { memberships, verificationTokens } from "@/db/schema";
import { recordAudit, type Actor } from "@/server/audit/record";
import { memberNotFound } from "./errors";
import { findMember } from "./members";
import { keepAnOwner, lockTeam } from "./owners";

export type Removal = { userId: string; email: string; roles: string[] };

/**
 * Takes a member out of the workspace. Their session stops working at their next request: the
 * session names the workspace, and every request (tRPC's tenant procedure, the page guard) looks
 * the membership up again. The user itself stays, as a member of other workspaces or for the
 * audit log; the last owner cannot be removed.
 */
export async function removeMember(
  db: Db,
  input: { tenantId: string; userId: string; actor: Actor; now: Date },
): Promise<Removal> {
  return db.transaction(async (tx) => {
    await lockTeam(tx, input.tenantId);
    const member = await findMember(tx, input.tenantId, input.userId);
    if (!member) throw memberNotFound();
    await keepAnOwner(tx, input.tenantId, member, "remove");
    await tx
      .delete(memberships)
      .where(and(eq(memberships.tenantId, input.tenantId), eq(memberships.userId, member.userId)));
    await forgetUnusedLinks(tx, member.userId, member.email);
    const removal = { userId: member.userId, email: member.email, roles: member.roles };
    await recordAudit(tx, {
      tenantId: input.tenantId,
      actor: input.actor,
      kind: "team",
      summary: `Removed ${member.email} (${member.roles.join(", ")})`,
      data: removal,
      at: input.now,
    });
    return removal;
  });
}

/**
 * Someone who now belongs to no workspace has no use for an unused sign-in link (an invitation
 * they never opened): it is deleted so it cannot open a session. A member elsewhere keeps theirs,
 * since it signs them in there.
 */
async function forgetUnusedLinks(tx: Db, userId: string, email: string): Promise<void> {
  const [elsewhere] = await tx
    .select({ tenantId: memberships.tenantId })
    .from(memberships)
    .where(eq(memberships.userId, userId))
    .limit(1);
  if (!elsewhere)
    await tx.delete(verificationTokens).where(eq(verificationTokens.identifier, email));
}
