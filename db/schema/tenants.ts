import { sql } from "drizzle-orm";
import { boolean, integer, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import type { TenantSettings } from "@/server/settings/schema";
import { tenantKind } from "./enums";

export const tenants = pgTable("tenants", {
  id: uuid().primaryKey().defaultRandom(),
  slug: text().notNull().unique("tenants_slug_unique"),
  name: text().notNull(),
  kind: tenantKind().notNull(),
  /** IANA zone used for contacts that have none of their own. */
  timeZone: text().notNull(),
  postalAddress: text().notNull(),
  senderName: text().notNull(),
  senderEmail: text().notNull(),
  /**
   * A sandbox workspace (the demo's): the UI marks it on every page, and demo sign-in opens only
   * a sandbox (SPEC §1.9).
   */
  sandbox: boolean().notNull().default(false),
  /**
   * Salts the holdout hash (SPEC §1.8), random at creation: which contacts are held out is
   * deterministic within a workspace and unrelated across workspaces.
   */
  holdoutSalt: text()
    .notNull()
    .default(sql`gen_random_uuid()::text`),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

/** Everything SPEC §1 makes configurable; validated by `tenantSettingsSchema` on read and write. */
export const tenantSettings = pgTable("tenant_settings", {
  tenantId: uuid()
    .primaryKey()
    .references(() => tenants.id, { onDelete: "cascade" }),
  settings: jsonb().$type<TenantSettings>().notNull(),
  /** Counts saves (SPEC §1.9); each save's before and after are in the audit log. */
  version: integer().notNull().default(1),
  updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});
