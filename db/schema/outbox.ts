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
    contactId: uuid(),
    deliveryId: uuid(),
    /** The sender's idempotency key: a repeated call stores the message once. */
    idempotencyKey: text().unique("outbox_idempotency_key_unique"),
    channel: channel().notNull(),
    recipient: text().notNull(),
    subject: text(),
    text: text().notNull(),
    html: text(),
    meta: jsonb().$type<Record<string, unknown>>().notNull().default({}),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("outbox_tenant_created_idx").on(t.tenantId, t.createdAt),
    index("outbox_contact_idx").on(t.contactId),
  ],
);
