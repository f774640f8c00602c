import { index, jsonb, pgEnum, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";

/** What a link in a message leads to (SPEC §1.10): `/r/`, `/p/` and `/u/` respectively. */
export const linkKind = pgEnum("link_kind", ["tracked", "preferences", "unsubscribe"]);
export type LinkKind = (typeof linkKind.enumValues)[number];

/** One link of a message: its id is the message's key followed by `tag`. */
export type StoredLink = {
  tag: string;
  kind: LinkKind;
  /** Where a tracked link leads; null for the preference center and unsubscribe. */
  target: string | null;
  /** An ISO instant. */
  expiresAt: string;
};

const at = () => timestamp({ withTimezone: true, mode: "date" });

/**
 * The short links of a message (SPEC §1.10), one row per message: a link's random id is all its
 * URL carries (`server/links/link-id.ts`), and what it may do is stored here. A row per link cost
 * ~5 rows per message and a random index entry for each, 15–19% of a send batch
 * (`bench/RESULTS.md`). No foreign key, for the same reason: the engine makes links only for
 * contacts it holds locked; erasing a contact must delete its links by `contact_id`.
 */
export const links = pgTable(
  "links",
  {
    /** The message key: 11 base-62 characters (~65 random bits). */
    id: text().primaryKey(),
    tenantId: uuid().notNull(),
    contactId: uuid().notNull(),
    /** The delivery whose message carries the links. */
    deliveryId: uuid(),
    createdAt: at().notNull(),
    /** The links the message carries, each with its own tag, kind, target and expiry. */
    entries: jsonb().$type<StoredLink[]>().notNull(),
  },
  (t) => [index("links_contact_idx").on(t.contactId)],
);
