import type { Db } from "@/db/client";
import { scopeDescriptions, type ApiKeyScope } from "@/server/api-keys/scopes";
import { authenticateApiKey, type ApiKeyAuth } from "@/server/api-keys/keys";
import { apiError } from "./json";

/** The bearer token of a request, if it sends one. */
export function bearerToken(request: Request): string | null {
  return /^Bearer\s+(\S+)$/i.exec(request.headers.get("authorization") ?? "")?.[1] ?? null;
}

/**
 * The key a request acts with, if it is valid and carries `scope`; otherwise the answer: 401 for
 * a missing, unknown, revoked or expired key, 403 for a valid key without the scope (the caller
 * learns which scope to ask its owner for).
 */
export async function authorizeApiKey(
  db: Db,
  request: Request,
  scope: ApiKeyScope,
  now: Date,
): Promise<ApiKeyAuth | Response> {
  const token = bearerToken(request);
  if (!token) {
    return apiError(401, "unauthorized", "Send a valid API key as `Authorization: Bearer <key>`.");
  }
  const auth = await authenticateApiKey(db, token, now);
  if ("refused" in auth) return apiError(401, "unauthorized", auth.message);
  if (!auth.scopes.includes(scope)) {
    return apiError(
      403,
      "forbidden",
      `This API key lacks the \`${scope}\` scope (${scopeDescriptions[scope]}). ` +
        `An owner can make a key with it on the API keys page.`,
    );
  }
  return auth;
}
