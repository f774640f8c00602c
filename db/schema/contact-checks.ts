import { index, pgTable, timestamp, uuid } from "drizzle-orm/pg-core";
import { contacts } from "./contacts";

/**
 * The engine's planning queue: one row per contact whose `contacts.next_check_at` is set, kept by
 * the database (triggers on `contacts`, migration 0020), never written by the application.
 *
 * `contacts.next_check_at` stays the one place the engine reads and writes a next check. The queue
 * exists so that column is not indexed on `contacts`: an update that changes no indexed column
 * and finds room on its page is a HOT update, which writes no index entry. Moving a next check
 * through the seven indexes of `contacts` cost 50–110 ms per 1,000 contacts in psql; a HOT update
 * plus this table's two entries costs ~28 ms, and a send's tags-only update ~17 ms.
 */
export const contactChecks = pgTable(
  "contact_checks",
  {
    contactId: uuid()
      .primaryKey()
      .references(() => contacts.id, { onDelete: "cascade" }),
    /** The contact's workspace: the scan takes only workspaces whose module is active. */
    tenantId: uuid().notNull(),
    nextCheckAt: timestamp({ withTimezone: true, mode: "date" }).notNull(),
  },
  (t) => [index("contact_checks_due_idx").on(t.nextCheckAt)],
);
