import { index, pgEnum, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";

/** What a link in a message leads to (SPEC §1.10): `/r/`, `/p/` and `/u/` respectively. */
export const linkKind = pgEnum("link_kind", ["tracked", "preferences", "unsubscribe"]);
export type LinkKind = (typeof linkKind.enumValues)[number];

const at = () => timestamp({ withTimezone: true, mode: "date" });

/**
 * Every link of a message, short and unguessable: its random id is all the URL carries, and what
 * it may do is stored here. Written by the thousand per send batch (several per message), so it
 * has no foreign key: its check cost as much as a third of each insert, like the event log's
 * (`db/schema/ledger.ts`). The engine mints links only for contacts it holds locked; erasing a
 * contact must delete its links by `contact_id`.
 */
export const links = pgTable(
  "links",
  {
    /** 16 base-62 characters (~95 random bits): `server/links/link-id.ts`. */
    id: text().primaryKey(),
    tenantId: uuid().notNull(),
    contactId: uuid().notNull(),
    /** The delivery whose message carries it; null for a link made outside a message. */
    deliveryId: uuid(),
    kind: linkKind().notNull(),
    /** Where a tracked link leads; null for the preference center and unsubscribe. */
    target: text(),
    createdAt: at().notNull(),
    expiresAt: at().notNull(),
  },
  (t) => [index("links_contact_idx").on(t.contactId)],
);
