import { createHash, randomBytes } from "node:crypto";
import { and, desc, eq, isNull } from "drizzle-orm";
import type { Db } from "@/db/client";
import { apiKeys } from "@/db/schema";
import type { Role } from "@/db/schema/enums";
import { integrationScopes, type ApiKeyScope } from "./scopes";

const KEY_PREFIX = "rk_";

function hashKey(key: string): string {
  return createHash("sha256").update(key).digest("hex");
}

/** Creates a key; the plain key is returned once and never stored. */
export async function createApiKey(
  db: Db,
  input: {
    tenantId: string;
    name: string;
    createdBy: string | null;
    /** Default: analyst, the least a role can do. */
    role?: Role;
    /** Default: the integration API's scopes. */
    scopes?: ApiKeyScope[];
    expiresAt?: Date | null;
  },
) {
  const key = KEY_PREFIX + randomBytes(32).toString("base64url");
  const [row] = await db
    .insert(apiKeys)
    .values({
      ...input,
      role: input.role ?? "analyst",
      scopes: input.scopes ?? integrationScopes,
      prefix: key.slice(0, 10),
      hash: hashKey(key),
    })
    .returning({
      id: apiKeys.id,
      name: apiKeys.name,
      prefix: apiKeys.prefix,
      role: apiKeys.role,
      scopes: apiKeys.scopes,
      expiresAt: apiKeys.expiresAt,
      createdAt: apiKeys.createdAt,
    });
  return { ...row!, key };
}

export async function listApiKeys(db: Db, tenantId: string) {
  return db
    .select({
      id: apiKeys.id,
      name: apiKeys.name,
      prefix: apiKeys.prefix,
      role: apiKeys.role,
      scopes: apiKeys.scopes,
      createdAt: apiKeys.createdAt,
      expiresAt: apiKeys.expiresAt,
      lastUsedAt: apiKeys.lastUsedAt,
      revokedAt: apiKeys.revokedAt,
    })
    .from(apiKeys)
    .where(eq(apiKeys.tenantId, tenantId))
    .orderBy(desc(apiKeys.createdAt));
}

/** The revoked key's name and prefix, or null when it is not this tenant's or already revoked. */
export async function revokeApiKey(db: Db, tenantId: string, id: string, now: Date) {
  const [row] = await db
    .update(apiKeys)
    .set({ revokedAt: now })
    .where(and(eq(apiKeys.tenantId, tenantId), eq(apiKeys.id, id), isNull(apiKeys.revokedAt)))
    .returning({ name: apiKeys.name, prefix: apiKeys.prefix });
  return row ?? null;
}

/** Who a valid bearer key acts for. */
export type ApiKeyAuth = {
  tenantId: string;
  keyId: string;
  /** How the audit log names the key. */
  name: string;
  prefix: string;
  role: Role;
  scopes: ApiKeyScope[];
};

/** Why a bearer key was refused: said to the caller, who holds the key, so it is safe to say. */
export type ApiKeyRefusal = { refused: "unknown" | "revoked" | "expired"; message: string };

/**
 * The key's tenant, role and scopes, recording its use; or why it is refused. An expired key is
 * refused from its expiry instant on.
 */
export async function authenticateApiKey(
  db: Db,
  key: string,
  now: Date,
): Promise<ApiKeyAuth | ApiKeyRefusal> {
  const unknown: ApiKeyRefusal = { refused: "unknown", message: "This API key is not known." };
  if (!key.startsWith(KEY_PREFIX)) return unknown;
  const [row] = await db
    .select({
      keyId: apiKeys.id,
      tenantId: apiKeys.tenantId,
      name: apiKeys.name,
      prefix: apiKeys.prefix,
      role: apiKeys.role,
      scopes: apiKeys.scopes,
      expiresAt: apiKeys.expiresAt,
      revokedAt: apiKeys.revokedAt,
    })
    .from(apiKeys)
    .where(eq(apiKeys.hash, hashKey(key)));
  if (!row) return unknown;
  if (row.revokedAt) {
    return {
      refused: "revoked",
      message: `This API key was revoked on ${row.revokedAt.toISOString()}.`,
    };
  }
  if (row.expiresAt && row.expiresAt <= now) {
    return {
      refused: "expired",
      message: `This API key expired on ${row.expiresAt.toISOString()}.`,
    };
  }
  await db.update(apiKeys).set({ lastUsedAt: now }).where(eq(apiKeys.id, row.keyId));
  const { expiresAt: _, revokedAt: __, ...auth } = row;
  return auth;
}
