import { index, pgEnum, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { contacts } from "./contacts";

/** What a link in a message leads to (SPEC §1.10): `/r/`, `/p/` and `/u/` respectively. */
export const linkKind = pgEnum("link_kind", ["tracked", "preferences", "unsubscribe"]);
export type LinkKind = (typeof linkKind.enumValues)[number];

const at = () => timestamp({ withTimezone: true, mode: "date" });

/**
 * Every link of a message, short and unguessable: its random id is all the URL carries, and what
 * it may do is stored here. Written by the thousand per send batch, so it references only its
 * contact (deleting the contact deletes its links); `tenantId` and `deliveryId` are copies.
 */
export const links = pgTable(
  "links",
  {
    /** 16 base-62 characters (~95 random bits): `server/links/link-id.ts`. */
    id: text().primaryKey(),
    tenantId: uuid().notNull(),
    contactId: uuid()
      .notNull()
      .references(() => contacts.id, { onDelete: "cascade" }),
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
