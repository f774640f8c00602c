import "server-only";
import type { Session } from "next-auth";
import type { Db } from "@/db/client";
import type { Role } from "@/db/schema/enums";
import { sessionActor } from "@/server/audit/actor";
import { recordAudit } from "@/server/audit/record";
import { TRPCError } from "@trpc/server";
import { z } from "zod";
import { apiKeyInput } from "@/server/api-keys/key-input";
import { createApiKey, listApiKeys, revokeApiKey } from "@/server/api-keys/keys";
import { permissionProcedure, router } from "../trpc";

const manageKeys = permissionProcedure("apiKeys.manage");

/** API keys in the audit log: which key (its name and visible prefix, never the key). */
function auditKey(
  tx: Db,
  ctx: { session: Session | null; userId: string; tenant: { id: string; roles: Role[] } },
  summary: string,
) {
  return recordAudit(tx, {
    tenantId: ctx.tenant.id,
    actor: sessionActor(ctx.session, ctx.userId, ctx.tenant.roles),
    kind: "api_key",
    summary,
    data: {},
    at: new Date(),
  });
}

export const apiKeysRouter = router({
  list: manageKeys.query(({ ctx }) => listApiKeys(ctx.db, ctx.tenant.id)),
  create: manageKeys.input(apiKeyInput).mutation(({ ctx, input }) => {
    const now = new Date();
    const { expiresInDays, ...rest } = input;
    const expiresAt =
      expiresInDays === null ? null : new Date(now.getTime() + expiresInDays * 86_400_000);
    return ctx.db.transaction(async (tx) => {
      const created = await createApiKey(tx, {
        ...rest,
        tenantId: ctx.tenant.id,
        createdBy: ctx.userId,
        expiresAt,
      });
      const expiry = expiresAt ? `, expires ${expiresAt.toISOString()}` : "";
      await auditKey(
        tx,
        ctx,
        `Created the API key “${created.name}” (${created.prefix}…) as ${created.role} with ${created.scopes.join(", ")}${expiry}`,
      );
      return created;
    });
  }),
  revoke: manageKeys.input(z.object({ id: z.uuid() })).mutation(({ ctx, input }) =>
    ctx.db.transaction(async (tx) => {
      const revoked = await revokeApiKey(tx, ctx.tenant.id, input.id, new Date());
      if (!revoked)
        throw new TRPCError({ code: "NOT_FOUND", message: "No active key with this id." });
      await auditKey(tx, ctx, `Revoked the API key “${revoked.name}” (${revoked.prefix}…)`);
      return { revoked: true };
    }),
  ),
});
