import { z } from "zod";
import type { Db } from "@/db/client";
import type { Channel } from "@/db/schema/enums";
import { apiKeyActor } from "@/server/audit/actor";
import type { Actor } from "@/server/audit/record";
import { can } from "@/server/auth/permissions";
import type { Driver } from "@/server/engine/channels/from-env";
import { authorizeApiKey, bearerToken } from "@/server/http/api-key-auth";
import { apiError } from "@/server/http/json";
import { activationInput, runActivation } from "./activation-request";
import { isModuleCode, unknownModuleMessage } from "./catalog";
import { moduleStatus, type ModuleStatus } from "./change-state";

/** Who asks: an owner's session (resolved by the route) or an owner key with `activation`. */
export type SessionOwner = { tenantId: string; actor: Actor } | null;

type Deps = {
  db: Db;
  drivers: Record<Channel, Driver>;
  now: Date;
  /** The signed-in owner, when the request carries a session of the app's own pages. */
  sessionOwner: () => Promise<SessionOwner | "forbidden">;
};

/**
 * `POST /api/tenants/activate-module` (SPEC §1.9, §3): `{ module_code, action?, niche? }` → the
 * module's state, `active` or `deferred` with each missing item and how to provide it.
 */
export async function answerActivation(request: Request, deps: Deps): Promise<Response> {
  const caller = await callerOf(request, deps);
  if (caller instanceof Response) return caller;
  const body: unknown = await request.json().catch(() => undefined);
  if (body === undefined) return apiError(400, "bad_request", "The body is not valid JSON.");
  const parsed = activationInput.safeParse(body);
  if (!parsed.success) return apiError(400, "bad_request", z.prettifyError(parsed.error));
  const outcome = await runActivation(deps.db, {
    tenantId: caller.tenantId,
    input: parsed.data,
    actor: caller.actor,
    drivers: deps.drivers,
    now: deps.now,
  });
  if (!outcome.ok) {
    const code = ({ 400: "bad_request", 404: "not_found", 409: "conflict" } as const)[
      outcome.status
    ];
    return apiError(outcome.status, code, outcome.message);
  }
  return Response.json(wire(outcome.status));
}

/** `GET /api/tenants/activate-module?module_code=…`: the state and the live checklist. */
export async function answerActivationStatus(request: Request, deps: Deps): Promise<Response> {
  const caller = await callerOf(request, deps);
  if (caller instanceof Response) return caller;
  const code = new URL(request.url).searchParams.get("module_code") ?? "";
  if (!isModuleCode(code)) {
    return apiError(404, "not_found", unknownModuleMessage(code));
  }
  const status = await moduleStatus(deps.db, {
    tenantId: caller.tenantId,
    code,
    drivers: deps.drivers,
    now: deps.now,
  });
  return Response.json(wire(status));
}

/** A bearer key wins over a session: a script's request says which workspace it acts for. */
async function callerOf(request: Request, deps: Deps) {
  if (bearerToken(request)) {
    const auth = await authorizeApiKey(deps.db, request, "activation", deps.now);
    if (auth instanceof Response) return auth;
    if (!can([auth.role], "module.manage")) {
      return apiError(
        403,
        "forbidden",
        `Only an owner key may change the module; this key acts as ${auth.role}.`,
      );
    }
    return { tenantId: auth.tenantId, actor: apiKeyActor(auth, "the activation API", null) };
  }
  const owner = await deps.sessionOwner();
  if (owner === "forbidden")
    return apiError(403, "forbidden", "Only a workspace owner may change the module.");
  if (!owner) {
    return apiError(
      401,
      "unauthorized",
      "Sign in as an owner, or send an owner API key with the `activation` scope as `Authorization: Bearer <key>`.",
    );
  }
  return owner;
}

/** The answer's shape: snake_case like the request, typed by `state`. */
function wire(status: ModuleStatus) {
  return {
    module_code: status.moduleCode,
    state: status.state,
    sandbox: status.sandbox,
    niche: status.niche,
    changed_at: status.changedAt,
    missing: status.missing,
    checklist: status.checklist,
    ...(status.sandbox ? { note: "sandbox: messages go to the Outbox" } : {}),
  };
}
