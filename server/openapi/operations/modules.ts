import { z } from "zod";
import { activationAnswer } from "@/server/modules/activation-answer";
import { activationInput } from "@/server/modules/activation-request";
import { REACTIVATION_MODULE } from "@/server/modules/catalog";
import type { ApiOperation } from "../operation";

const deferred = {
  module_code: REACTIVATION_MODULE,
  state: "deferred",
  sandbox: false,
  niche: null,
  changed_at: "2026-12-03T13:03:54.385Z",
  missing: [
    {
      kind: "capability",
      item: "sms",
      reason:
        "SMS is enabled but no SMS provider is configured: messages would only reach the Outbox.",
      fix: "Set TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN and TWILIO_FROM (or TWILIO_MESSAGING_SERVICE_SID) in the server's environment and restart it, or turn SMS off in Settings → Delivery.",
    },
  ],
  checklist: [
    {
      kind: "entitlement",
      item: REACTIVATION_MODULE,
      met: true,
      reason: "Entitled (plan: growth).",
      fix: "Ask the operator of this Rekindle server to grant it.",
    },
  ],
};
const active = { ...deferred, state: "active", missing: [], checklist: [] };

/** `GET /api/catalog/modules` (app/api/catalog/modules/route.ts). */
export const catalogOperation: ApiOperation = {
  method: "get",
  path: "/api/catalog/modules",
  operationId: "getCatalogModule",
  summary: "The module's catalog record",
  description:
    "The module's record: trigger, inputs, actions, settings with their JSON Schema, required " +
    "capabilities, compliance guards and the MCP tools with their schemas and permissions. " +
    "Without `code`, every module (`{ modules: [...] }`). Public: no key.",
  scope: null,
  query: {
    schema: z.object({
      code: z.string().optional().meta({ description: "A module's catalog code." }),
    }),
    example: { code: REACTIVATION_MODULE },
  },
  success: {
    status: 200,
    description: "The record.",
    schema: z.looseObject({
      code: z.string(),
      name: z.string(),
      trigger: z.looseObject({ event: z.string() }),
    }),
    examples: [
      {
        summary: "The reactivation module (abridged)",
        value: {
          code: REACTIVATION_MODULE,
          name: "Dormant Customer Reactivation",
          trigger: { event: "customer.dormant" },
        },
      },
    ],
  },
  errors: { 404: "No module has this code; the message lists the codes this server offers." },
};

/** `POST /api/tenants/activate-module` (app/api/tenants/activate-module/route.ts). */
export const activateOperation: ApiOperation = {
  method: "post",
  path: "/api/tenants/activate-module",
  operationId: "activateModule",
  summary: "Activate, pause, resume or deactivate the module",
  description:
    "Needs an owner key (role `owner`) with the `activation` scope, or an owner's session. " +
    "Activation answers `active`, or `deferred` naming each missing item (entitlement, " +
    "capabilities `crm`/`email`/`sms`/`web_push`/`zalo` for the enabled channels, sender " +
    "identity and postal address for email) and how to provide it; it never pretends. `pause` " +
    "keeps pending deliveries and sends nothing; `resume` checks again and sends what came due " +
    "meanwhile, the highest stage only. `niche` on activation starts the settings from that " +
    "niche's preset. `GET` with `?module_code=` returns the state and the checklist.",
  scope: "activation",
  body: {
    description: "The module and what to do with it.",
    schema: activationInput,
    example: { module_code: REACTIVATION_MODULE, action: "activate", niche: "hvac" },
  },
  success: {
    status: 200,
    description: "The module's state after the change, with the live checklist.",
    schema: activationAnswer,
    examples: [
      { summary: "Deferred: no SMS provider", value: deferred },
      { summary: "Active", value: active },
    ],
  },
  errors: {
    400: "The body is not JSON, or a field is wrong (named in the message).",
    401: "No key or session, or the key is unknown, revoked or expired.",
    403: "The key lacks the `activation` scope or is not an owner's.",
    404: "No module has this `module_code`.",
    409: "The change does not fit the state (pausing a module that is not active).",
    429: "Too many requests: retry after `Retry-After` seconds.",
  },
};
