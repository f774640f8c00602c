import "server-only";
import { TRPCError } from "@trpc/server";
import { z } from "zod";
import { createApiKey, listApiKeys, revokeApiKey } from "@/server/api-keys/keys";
import { line } from "@/server/lib/bounded";
import { permissionProcedure, router } from "../trpc";

const manageKeys = permissionProcedure("apiKeys.manage");

export const apiKeysRouter = router({
  list: manageKeys.query(({ ctx }) => listApiKeys(ctx.db, ctx.tenant.id)),
  create: manageKeys
    .input(z.object({ name: line(100).min(1, "Give the key a name") }))
    .mutation(({ ctx, input }) =>
      createApiKey(ctx.db, { tenantId: ctx.tenant.id, name: input.name, createdBy: ctx.userId }),
    ),
  revoke: manageKeys.input(z.object({ id: z.uuid() })).mutation(async ({ ctx, input }) => {
    const revoked = await revokeApiKey(ctx.db, ctx.tenant.id, input.id, new Date());
    if (!revoked)
      throw new TRPCError({ code: "NOT_FOUND", message: "No active key with this id." });
    return { revoked };
  }),
});
