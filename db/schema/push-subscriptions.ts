import { index, pgTable, text, timestamp, unique, uuid } from "drizzle-orm/pg-core";
import { contacts } from "./contacts";
import { tenantIdColumn } from "./columns";

/**
 * A browser's Web Push subscription for a contact (one contact may have several devices). A
 * browser has one endpoint for the app whichever workspace it subscribed from, so the endpoint is
 * unique per workspace: another workspace registering it gets its own row, never this one.
 */
export const pushSubscriptions = pgTable(
  "push_subscriptions",
  {
    id: uuid().primaryKey().defaultRandom(),
    tenantId: tenantIdColumn(),
    contactId: uuid()
      .notNull()
      .references(() => contacts.id, { onDelete: "cascade" }),
    endpoint: text().notNull(),
    p256dh: text().notNull(),
    auth: text().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique("push_subscriptions_tenant_endpoint_unique").on(t.tenantId, t.endpoint),
    index("push_subscriptions_contact_idx").on(t.contactId),
  ],
);
