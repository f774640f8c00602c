import "server-only";
import { auditActors, auditFilterSchema, listAudit } from "@/server/audit/list";
import { permissionProcedure, router } from "../trpc";

export const auditRouter = router({
  /** The workspace's audit log, newest first, filtered by kind and person. */
  list: permissionProcedure("audit.read")
    .input(auditFilterSchema)
    .query(({ ctx, input }) => listAudit(ctx.db, ctx.tenant.id, input)),
  /** Everyone who appears in the log, for its person filter. */
  actors: permissionProcedure("audit.read").query(({ ctx }) => auditActors(ctx.db, ctx.tenant.id)),
});
