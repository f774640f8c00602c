import { index, pgTable, primaryKey, text, timestamp } from "drizzle-orm/pg-core";
import { users } from "./auth";
import { role } from "./enums";
import { tenantIdColumn } from "./columns";

/** A user's roles in one tenant; a user may belong to several tenants. */
export const memberships = pgTable(
  "memberships",
  {
    userId: text()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    tenantId: tenantIdColumn(),
    roles: role().array().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.userId, t.tenantId] }),
    index("memberships_tenant_idx").on(t.tenantId),
  ],
);
