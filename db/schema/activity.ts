import { bigint, index, pgTable, text, timestamp, unique, uuid } from "drizzle-orm/pg-core";
import { contacts } from "./contacts";
import { activityKind } from "./enums";
import { exercises } from "./exercises";
import { tenantIdColumn } from "./columns";

export const activityEvents = pgTable(
  "activity_events",
  {
    id: uuid().primaryKey().defaultRandom(),
    tenantId: tenantIdColumn(),
    contactId: uuid()
      .notNull()
      .references(() => contacts.id, { onDelete: "cascade" }),
    externalId: text().notNull(),
    kind: activityKind().notNull(),
    occurredAt: timestamp({ withTimezone: true, mode: "date" }).notNull(),
    /** Revenue in the currency's minor units (cents, đồng). */
    revenueMinor: bigint({ mode: "number" }).notNull().default(0),
    currency: text(),
    exerciseId: uuid().references(() => exercises.id, { onDelete: "set null" }),
    /** The job's service as the integration sent it ("AC tune-up"), and its optional details. */
    serviceName: text(),
    serviceDetails: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique("activity_events_tenant_external_id_unique").on(t.tenantId, t.externalId),
    index("activity_events_contact_time_idx").on(t.tenantId, t.contactId, t.occurredAt),
    index("activity_events_tenant_time_idx").on(t.tenantId, t.occurredAt),
  ],
);
