import "server-only";
import type { Db } from "@/db/client";
import { sessionActor } from "@/server/audit/actor";
import { findMembership } from "@/server/auth/membership";
import { can } from "@/server/auth/permissions";
import { getSession } from "@/server/auth/session";
import { env } from "@/server/env";
import { foreignOrigin } from "@/server/http/origin";
import type { SessionOwner } from "./activation-http";

/**
 * The signed-in owner of the request's workspace, null without a session, "forbidden" for a
 * member who is not an owner or a request from another site's page (cookies ride along).
 */
export async function sessionOwner(db: Db, request: Request): Promise<SessionOwner | "forbidden"> {
  const session = await getSession();
  if (!session?.userId) return null;
  if (foreignOrigin(request, env.NEXTAUTH_URL)) return "forbidden";
  const membership = await findMembership(db, session.userId, session.tenantId);
  if (!membership || !can(membership.roles, "module.manage")) return "forbidden";
  return {
    tenantId: membership.tenantId,
    actor: sessionActor(session, session.userId, membership.roles),
  };
}
