import { index, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { users } from "./auth";
import { tenantIdColumn } from "./columns";

/**
 * What an audit entry is about (SPEC §3 "Audit log"): the owner filters the log by it. Plain text
 * rather than an enum, so a new kind needs no migration.
 */
export type AuditKind =
  "settings" | "template" | "pin" | "team" | "api_key" | "import" | "activation" | "contact";

/** Who changed what in a workspace, and when: append-only. */
export const auditLog = pgTable(
  "audit_log",
  {
    id: uuid().primaryKey().defaultRandom(),
    tenantId: tenantIdColumn(),
    /** The signed-in person; null for the integration API or the system. */
    actorUserId: text().references(() => users.id, { onDelete: "set null" }),
    /** How the actor reads in the log even after the person is removed ("Ana (owner)", "API key …"). */
    actorLabel: text().notNull(),
    kind: text().$type<AuditKind>().notNull(),
    /** One sentence for the list ("Changed the stage ladder and quiet hours"). */
    summary: text().notNull(),
    /** The details the page shows: for settings, the version with its before and after. */
    data: jsonb().$type<Record<string, unknown>>().notNull(),
    at: timestamp({ withTimezone: true, mode: "date" }).notNull(),
  },
  (t) => [index("audit_log_tenant_at_idx").on(t.tenantId, t.at)],
);
