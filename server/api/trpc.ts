import "server-only";
import { initTRPC, TRPCError } from "@trpc/server";
import type { Session } from "next-auth";
import superjson from "superjson";
import { ZodError } from "zod";
import type { Db } from "@/db/client";
import { can, type Permission } from "@/server/auth/permissions";
import { findMembership, type Membership } from "@/server/auth/membership";
import { humanIssues } from "./zod-messages";

// 1. Context: the database and the caller's session; nothing from the client's input.
export type Context = {
  db: Db;
  session: Session | null;
  /** The other site whose page sent the HTTP request (see `foreignOrigin`); none in process. */
  foreignOrigin?: string | null;
};

// 2. Initialisation: superjson for dates; bad input in words people read ("Name must be at most
// 80 characters", also by field path for forms), no internals for the rest.
const t = initTRPC.context<Context>().create({
  transformer: superjson,
  errorFormatter({ shape, error }) {
    const issues =
      error.code === "BAD_REQUEST" && error.cause instanceof ZodError
        ? humanIssues(error.cause)
        : null;
    return {
      ...shape,
      message: issues ? issues.message : safeMessage(error),
      data: {
        ...shape.data,
        stack: undefined,
        fieldErrors: issues?.fieldErrors,
      },
    };
  },
});

function safeMessage(error: TRPCError): string {
  return error.code === "INTERNAL_SERVER_ERROR"
    ? "Something went wrong on our side. Try again."
    : error.message;
}

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;

// 3. Procedures: from the app's own pages (for changes) → signed in → in a tenant → with a permission.
/**
 * Another site's page may not change anything with the user's cookies (CSRF): its mutations are
 * refused. Its queries are harmless, as the browser does not let it read the answers.
 */
const ownPagesForChanges = t.middleware(({ ctx, type, next }) => {
  if (type === "mutation" && ctx.foreignOrigin)
    throw new TRPCError({
      code: "FORBIDDEN",
      message: `Changes are accepted from this app's own pages only, not from ${ctx.foreignOrigin}.`,
    });
  return next();
});

export const userProcedure = t.procedure.use(ownPagesForChanges).use(({ ctx, next }) => {
  const userId = ctx.session?.userId;
  if (!userId) throw new TRPCError({ code: "UNAUTHORIZED", message: "Sign in first." });
  return next({ ctx: { userId } });
});

/** Resolves the tenant from the session and the membership table; every tenant query uses `ctx.tenant.id`. */
export const tenantProcedure = userProcedure.use(async ({ ctx, next }) => {
  const membership = await findMembership(ctx.db, ctx.userId, ctx.session?.tenantId);
  if (!membership)
    throw new TRPCError({ code: "FORBIDDEN", message: "You are not a member of this workspace." });
  return next({ ctx: { tenant: toTenant(membership) } });
});

export function permissionProcedure(permission: Permission) {
  return tenantProcedure.use(({ ctx, next }) => {
    if (!can(ctx.tenant.roles, permission)) {
      throw new TRPCError({ code: "FORBIDDEN", message: `Your role may not use ${permission}.` });
    }
    return next();
  });
}

function toTenant(m: Membership) {
  return {
    id: m.tenantId,
    name: m.tenantName,
    kind: m.tenantKind,
    timeZone: m.tenantTimeZone,
    roles: m.roles,
  };
}
