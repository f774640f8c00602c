import "server-only";
import { forbidden, redirect } from "next/navigation";
import { cache } from "react";
import { getDb } from "@/db/runtime";
import { findMembership } from "./membership";
import { can, type Permission } from "./permissions";
import { getSession } from "./session";

/** The signed-in user's membership for this request; sends visitors to the sign-in page. */
export const requireMember = cache(async () => {
  const session = await getSession();
  if (!session?.userId) redirect("/signin");
  const membership = await findMembership(await getDb(), session.userId, session.tenantId);
  if (!membership) redirect("/signin?error=AccessDenied");
  return { session, membership };
});

/** For pages: answers 403 when the member's roles lack the permission. */
export async function requirePagePermission(permission: Permission) {
  const member = await requireMember();
  if (!can(member.membership.roles, permission)) forbidden();
  return member;
}
