import { sql } from "drizzle-orm";
import { index, integer, jsonb, pgTable, text, timestamp, unique, uuid } from "drizzle-orm/pg-core";
import type { ChannelStates } from "@/server/contacts/channel-states";
import { tenantIdColumn } from "./columns";

export const contacts = pgTable(
  "contacts",
  {
    id: uuid().primaryKey().defaultRandom(),
    tenantId: tenantIdColumn(),
    externalId: text().notNull(),
    name: text().notNull().default(""),
    /** The name to greet the contact by, as the tenant gave it; null: guessed from `name`. */
    firstName: text(),
    email: text(),
    phone: text(),
    /** The contact's user id at the tenant's Zalo Official Account. */
    zaloUserId: text(),
    /** IANA zone; null means the tenant's default zone. */
    timeZone: text(),
    locale: text(),
    tags: text()
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    program: text(),
    lastSkill: text(),
    lastActivityAt: timestamp({ withTimezone: true, mode: "date" }),
    /**
     * The service of the contact's newest qualifying activity that named one ("Deep clean"), and
     * when that activity happened: what `{{last_service}}` and `{{last_service_date}}` say. Kept
     * here, not looked up per message, so a send batch and the editor's preview read it with the
     * contact.
     */
    lastService: text(),
    lastServiceAt: timestamp({ withTimezone: true, mode: "date" }),
    /** Per-channel subscription state, e.g. `{ "email": "subscribed", "sms": "unsubscribed" }`. */
    channels: jsonb().$type<ChannelStates>().notNull().default({}),
    /**
     * The UTC instant of the contact's next milestone. Deliberately not indexed here: the database
     * copies it into `contact_checks`, the queue the engine's scan walks (see that table).
     */
    nextCheckAt: timestamp({ withTimezone: true, mode: "date" }),
    /**
     * Engine steps that failed in a row for this contact (0: healthy). A failing contact is set
     * aside with a backoff so it never stops the others; owners see it as needing attention.
     */
    engineFailures: integer().notNull().default(0),
    /** What the last failed step said, and when (null once a step succeeds again). */
    engineError: text(),
    engineErrorAt: timestamp({ withTimezone: true, mode: "date" }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique("contacts_tenant_external_id_unique").on(t.tenantId, t.externalId),
    index("contacts_tenant_name_idx").on(t.tenantId, t.name, t.id),
    index("contacts_tenant_last_activity_idx").on(t.tenantId, t.lastActivityAt),
    index("contacts_tenant_email_idx").on(t.tenantId, sql`lower(${t.email})`),
    index("contacts_needing_attention_idx")
      .on(t.tenantId, t.engineErrorAt)
      .where(sql`${t.engineFailures} > 0`),
  ],
);
