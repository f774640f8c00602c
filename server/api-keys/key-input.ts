import { z } from "zod";
import { line } from "@/server/lib/bounded";
import { apiKeyScopes, integrationScopes } from "./scopes";

/**
 * A new API key, as the API keys form and `apiKeys.create` both check it. Left out: an analyst
 * key for the integration API that never expires (what keys were before roles and scopes).
 */
export const apiKeyInput = z.object({
  name: line(100).min(1, "Give the key a name"),
  /** Where roles decide (MCP tools, activation), the key acts as this role. */
  role: z.enum(["owner", "marketer", "analyst"]).default("analyst"),
  scopes: z
    .array(z.enum(apiKeyScopes))
    .min(1, "Choose at least one scope")
    .refine((s) => new Set(s).size === s.length, "Each scope at most once")
    .default(integrationScopes),
  /** Days until the key stops working; null: it never expires. */
  expiresInDays: z
    .number({ error: "Enter a number of days" })
    .int("A whole number of days")
    .min(1, "At least 1 day")
    .max(3650, "At most 3,650 days (10 years)")
    .nullable()
    .default(null),
});

export type ApiKeyInput = z.infer<typeof apiKeyInput>;
