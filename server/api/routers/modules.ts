import "server-only";
import { TRPCError } from "@trpc/server";
import { sessionActor } from "@/server/audit/actor";
import { channelDrivers } from "@/server/engine/channels/from-env";
import { env } from "@/server/env";
import { activationInput, runActivation } from "@/server/modules/activation-request";
import { REACTIVATION_MODULE } from "@/server/modules/catalog";
import { moduleStatus } from "@/server/modules/change-state";
import { niches } from "@/server/niches/presets";
import { permissionProcedure, router } from "../trpc";

const manage = permissionProcedure("module.manage");
const trpcCode = { 400: "BAD_REQUEST", 404: "NOT_FOUND", 409: "CONFLICT" } as const;

/** The activation page: the module's state, its live checklist, and the niches to start from. */
export const modulesRouter = router({
  status: manage.query(async ({ ctx }) => ({
    ...(await moduleStatus(ctx.db, {
      tenantId: ctx.tenant.id,
      code: REACTIVATION_MODULE,
      drivers: channelDrivers(env),
      now: new Date(),
    })),
    kind: ctx.tenant.kind,
    niches,
  })),
  change: manage
    .input(
      activationInput.omit({ module_code: true }).extend({ action: activationInput.shape.action }),
    )
    .mutation(async ({ ctx, input }) => {
      const outcome = await runActivation(ctx.db, {
        tenantId: ctx.tenant.id,
        input: { ...input, module_code: REACTIVATION_MODULE },
        actor: sessionActor(ctx.session, ctx.userId, ctx.tenant.roles),
        drivers: channelDrivers(env),
        now: new Date(),
      });
      if (!outcome.ok)
        throw new TRPCError({ code: trpcCode[outcome.status], message: outcome.message });
      return outcome.status;
    }),
});
