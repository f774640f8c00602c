import { index, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { channel } from "./enums";
import { tenants } from "./tenants";

/** Messages captured by the local channel adapters instead of a real provider. */
export const outboxMessages = pgTable(
  "outbox_messages",
  {
    id: uuid().primaryKey().defaultRandom(),
    /** Null for system mail such as sign-in links. */
    tenantId: uuid().references(() => tenants.id, { onDelete: "cascade" }),
    channel: channel().notNull(),
    recipient: text().notNull(),
    subject: text(),
    text: text().notNull(),
    html: text(),
    meta: jsonb().$type<Record<string, unknown>>().notNull().default({}),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("outbox_tenant_created_idx").on(t.tenantId, t.createdAt)],
);
