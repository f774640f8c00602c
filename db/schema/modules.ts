import { sql } from "drizzle-orm";
import { jsonb, pgEnum, pgTable, primaryKey, text, timestamp } from "drizzle-orm/pg-core";
import { tenantIdColumn } from "./columns";

/** SPEC §1.9: only an `active` module plans or sends. */
export const moduleState = pgEnum("module_state", ["inactive", "deferred", "active", "paused"]);
export type ModuleState = (typeof moduleState.enumValues)[number];

/** A missing item of a deferred activation, as the last attempt found it. */
export type MissingItem = {
  kind: "entitlement" | "capability" | "sender_identity" | "postal_address";
  /** The capability (`sms`…) or the setting that is missing. */
  item: string;
  /** What is wrong, in a sentence. */
  reason: string;
  /** How to provide it, in a sentence an owner can act on. */
  fix: string;
};

/** Which modules a workspace may activate: granted by the operator, as data (SPEC §1.9). */
export const tenantEntitlements = pgTable(
  "tenant_entitlements",
  {
    tenantId: tenantIdColumn(),
    moduleCode: text().notNull(),
    grantedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    /** Null: never expires. */
    expiresAt: timestamp({ withTimezone: true }),
    /** Who granted it and why (a plan, a trial, the demo): shown beside a deferred answer. */
    source: text().notNull(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.moduleCode] })],
);

/** A workspace's state of each module it has touched; no row means `inactive`. */
export const tenantModules = pgTable(
  "tenant_modules",
  {
    tenantId: tenantIdColumn(),
    moduleCode: text().notNull(),
    state: moduleState().notNull(),
    /** What a `deferred` state is waiting for; empty otherwise. */
    missing: jsonb()
      .$type<MissingItem[]>()
      .notNull()
      .default(sql`'[]'::jsonb`),
    /** The niche the owner chose at activation (its preset seeded the settings). */
    niche: text(),
    changedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.moduleCode] })],
);
