import { index, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import type { ApiKeyScope } from "@/server/api-keys/scopes";
import { users } from "./auth";
import { tenantIdColumn } from "./columns";
import { role } from "./enums";

/** Integration API keys; only a SHA-256 hash of the secret is stored. */
export const apiKeys = pgTable(
  "api_keys",
  {
    id: uuid().primaryKey().defaultRandom(),
    tenantId: tenantIdColumn(),
    name: text().notNull(),
    /** The first characters of the key, shown in the UI to tell keys apart. */
    prefix: text().notNull(),
    hash: text().notNull().unique("api_keys_hash_unique"),
    /**
     * The role the key acts as where roles decide (MCP tools, activation): never more than the
     * role of the owner who made it, checked by the same permission table as the app.
     */
    role: role().notNull().default("analyst"),
    /** The endpoints it may call; keys made before scopes existed got the integration ones. */
    scopes: text()
      .array()
      .$type<ApiKeyScope[]>()
      .notNull()
      .default(["contacts", "activity", "exercises", "push_subscriptions"]),
    createdBy: text().references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    /** Null: never expires. */
    expiresAt: timestamp({ withTimezone: true }),
    lastUsedAt: timestamp({ withTimezone: true }),
    revokedAt: timestamp({ withTimezone: true }),
  },
  (t) => [index("api_keys_tenant_idx").on(t.tenantId)],
);
