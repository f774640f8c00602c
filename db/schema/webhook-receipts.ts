import { pgTable, primaryKey, text, timestamp } from "drizzle-orm/pg-core";

/** Which provider webhook a receipt came through; each names its events its own way. */
export type WebhookSource = "resend" | "twilio_inbound" | "twilio_status";

/**
 * One row per provider event applied, so a replay (a provider's retry, or a captured request
 * sent again: Twilio's signatures never expire) is recognised and changes nothing. Kept for good:
 * a Twilio replay can come at any time.
 */
export const webhookReceipts = pgTable(
  "webhook_receipts",
  {
    source: text().$type<WebhookSource>().notNull(),
    /** The provider's own identity of the event, e.g. a message id and the status it reports. */
    key: text().notNull(),
    receivedAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ name: "webhook_receipts_pkey", columns: [t.source, t.key] })],
);
