import { bigint, pgTable, text, timestamp } from "drizzle-orm/pg-core";

/**
 * How far a reader outside the engine (the PostHog forwarder) has read the ledger's event log, by
 * `engine_events.seq`. Kept in the database so a restart neither loses nor repeats events.
 */
export const ledgerCursors = pgTable("ledger_cursors", {
  /** The reader, e.g. `posthog`. */
  name: text().primaryKey(),
  /** Every event up to this `seq` has been handed on (or its transaction never committed). */
  seq: bigint({ mode: "number" }).notNull(),
  /**
   * A `seq` missing past the cursor while later ones were visible belongs to a transaction still
   * in flight or rolled back. Seen with events up to `gapThrough` visible, when the next
   * transaction id was `gapXmax`: once every transaction older than that has ended, every
   * missing `seq` up to `gapThrough` is a rollback, never to appear.
   */
  gapThrough: bigint({ mode: "number" }),
  gapXmax: bigint({ mode: "number" }),
  updatedAt: timestamp({ withTimezone: true, mode: "date" }).notNull(),
});
