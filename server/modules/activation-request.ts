import { z } from "zod";
import type { Db } from "@/db/client";
import type { Channel } from "@/db/schema/enums";
import type { Actor } from "@/server/audit/record";
import type { Driver } from "@/server/engine/channels/from-env";
import { applyNichePreset, NicheRefused } from "@/server/niches/apply";
import { nicheKey } from "@/server/niches/keys";
import { isModuleCode, unknownModuleMessage } from "./catalog";
import { changeModuleState, moduleActions, type ModuleStatus } from "./change-state";

/** `POST /api/tenants/activate-module` and the activation page: one shape, one check. */
export const activationInput = z.object({
  module_code: z.string({ error: "is required: the module's catalog code" }).min(1, "is required"),
  action: z
    .enum(moduleActions, { error: `must be one of ${moduleActions.join(", ")}` })
    .default("activate"),
  /** On activation, the kind of business whose preset the settings start from. */
  niche: nicheKey.optional(),
});

export type ActivationInput = z.input<typeof activationInput>;

export type ActivationOutcome =
  { ok: true; status: ModuleStatus } | { ok: false; status: 400 | 404 | 409; message: string };

/**
 * Runs one activation request for a workspace: an unknown module code is 404, a change the state
 * does not allow (pausing an inactive module) 409, a niche the workspace cannot take 400. A niche
 * chosen on activation is applied first, so the checklist checks the channels it enables.
 */
export async function runActivation(
  db: Db,
  request: {
    tenantId: string;
    input: z.output<typeof activationInput>;
    actor: Actor;
    drivers: Record<Channel, Driver>;
    now: Date;
  },
): Promise<ActivationOutcome> {
  const { input, tenantId, now } = request;
  const code = input.module_code;
  if (!isModuleCode(code)) {
    return {
      ok: false,
      status: 404,
      message: unknownModuleMessage(code),
    };
  }
  try {
    return await db.transaction(async (tx) => {
      if (input.niche && input.action === "activate") {
        await applyNichePreset(tx, { tenantId, niche: input.niche, actor: request.actor, now });
      }
      const result = await changeModuleState(tx, {
        ...request,
        code,
        action: input.action,
        niche: input.action === "activate" ? input.niche : undefined,
      });
      if ("conflict" in result) return { ok: false, status: 409, message: result.conflict };
      return { ok: true, status: result.status };
    });
  } catch (error) {
    if (error instanceof NicheRefused)
      return { ok: false, status: 400, message: `niche: ${error.message}` };
    throw error;
  }
}
