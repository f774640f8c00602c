import { eq } from "drizzle-orm";
import type { AuthOptions } from "next-auth";
import type { Db } from "@/db/client";
import { memberships, users } from "@/db/schema";
import { recordAudit, type Actor } from "@/server/audit/record";
import { TeamRefusal } from "./errors";
import { findMember } from "./members";
import { lockTeam } from "./owners";
import type { InviteInput } from "./schema";
import { sendSignInLink } from "./sign-in-link";

export type Invitation = { userId: string; email: string; role: InviteInput["role"] };

/**
 * Adds `email` to the workspace with `role` and mails them a sign-in link: the invitation is
 * next-auth's magic link, nothing else. Someone who already has a user (a member elsewhere)
 * keeps it; a stranger gets one. Audited in the same transaction as the membership.
 */
export async function inviteMember(
  db: Db,
  auth: AuthOptions,
  input: InviteInput & { tenantId: string; actor: Actor; now: Date },
): Promise<Invitation> {
  const invitation = await db.transaction(async (tx) => {
    await lockTeam(tx, input.tenantId);
    const { userId, created } = await userFor(tx, input.email);
    const existing = await findMember(tx, input.tenantId, userId);
    if (existing)
      throw new TeamRefusal(
        "already_member",
        `${input.email} is already a member of this workspace (${existing.roles.join(", ")}).`,
      );
    await tx
      .insert(memberships)
      .values({ userId, tenantId: input.tenantId, roles: [input.role], createdAt: input.now });
    await recordAudit(tx, {
      tenantId: input.tenantId,
      actor: input.actor,
      kind: "team",
      summary: `Invited ${input.email} as ${input.role}`,
      data: { email: input.email, userId, role: input.role, newUser: created },
      at: input.now,
    });
    return { userId, email: input.email, role: input.role };
  });
  // Only after the commit: the provider mails members only, and looks them up outside this
  // transaction, so a link sent from inside it would go nowhere.
  await sendSignInLink(auth, invitation.email);
  return invitation;
}

/** The user with this address, created when there is none (as next-auth would at first sign-in). */
async function userFor(tx: Db, email: string): Promise<{ userId: string; created: boolean }> {
  const [inserted] = await tx
    .insert(users)
    .values({ email })
    .onConflictDoNothing({ target: users.email })
    .returning({ id: users.id });
  if (inserted) return { userId: inserted.id, created: true };
  const [found] = await tx.select({ id: users.id }).from(users).where(eq(users.email, email));
  if (!found) throw new Error(`No user with ${email} after inserting it`);
  return { userId: found.id, created: false };
}
