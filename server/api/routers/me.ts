import "server-only";
import { can, permissions, type Permission } from "@/server/auth/permissions";
import { router, tenantProcedure } from "../trpc";

export const meRouter = router({
  /** Who is signed in, where, and what they may use: drives the navigation. */
  get: tenantProcedure.query(({ ctx }) => ({
    userId: ctx.userId,
    tenant: ctx.tenant,
    permissions: (Object.keys(permissions) as Permission[]).filter((p) => can(ctx.tenant.roles, p)),
  })),
});
