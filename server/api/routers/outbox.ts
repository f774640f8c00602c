import "server-only";
import { listOutbox, listOutboxInput } from "@/server/outbox/list";
import { permissionProcedure, router } from "../trpc";

export const outboxRouter = router({
  list: permissionProcedure("outbox.read")
    .input(listOutboxInput)
    .query(({ ctx, input }) => listOutbox(ctx.db, ctx.tenant.id, input)),
});
