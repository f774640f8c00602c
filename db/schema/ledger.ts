import { sql } from "drizzle-orm";
import {
  bigint,
  boolean,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  text,
  timestamp,
  unique,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { contacts } from "./contacts";
import type { StoredContent } from "@/server/content/message";
import { channel } from "./enums";

export const deliveryStatus = pgEnum("delivery_status", [
  "pending",
  "sending",
  "sent",
  "failed",
  "superseded",
  "canceled",
  "skipped",
  /** Not sent: its cycle is in the holdout group (SPEC §1.8); `finishedAt` is the would-be send. */
  "held_out",
]);
export const attemptOutcome = pgEnum("attempt_outcome", [
  "started",
  "sent",
  "failed_transient",
  "failed_permanent",
]);
export type DeliveryStatus = (typeof deliveryStatus.enumValues)[number];
export type AttemptOutcome = (typeof attemptOutcome.enumValues)[number];

const at = () => timestamp({ withTimezone: true, mode: "date" });
/**
 * Ledger rows are written by the thousand per engine batch, and every foreign key costs a lookup
 * and a lock per row. So each row references only its parent; deleting a tenant or a contact still
 * deletes its cycles, reminders, deliveries and attempts through that chain. The event log, the
 * most-written table, references nothing (see `engineEvents`). `tenantId` (always the contact's)
 * and a child's `contactId` are copies for scoping and indexes.
 */
const tenantIdCopy = () => uuid().notNull();
const contactIdCopy = () => uuid().notNull();
const contactIdColumn = () =>
  uuid()
    .notNull()
    .references(() => contacts.id, { onDelete: "cascade" });

/** An inactivity cycle: from a last activity until the contact returns (SPEC §1.1). */
export const cycles = pgTable(
  "cycles",
  {
    id: uuid().primaryKey().defaultRandom(),
    tenantId: tenantIdCopy(),
    contactId: contactIdColumn(),
    startedAt: at().notNull(),
    closedAt: at(),
    closeReason: text(),
    /** The qualifying activity that ended it: a return (SPEC §1.8). */
    returnedAt: at(),
    /** In the holdout group, decided once at its start (SPEC §1.8): its deliveries are held out. */
    heldOut: boolean().notNull().default(false),
  },
  (t) => [
    unique("cycles_contact_start_unique").on(t.contactId, t.startedAt),
    uniqueIndex("cycles_one_open_per_contact")
      .on(t.contactId)
      .where(sql`${t.closedAt} is null`),
  ],
);

/** One reminder of a cycle: a one-time stage (at most once per cycle) or the n-th recurring one. */
export const reminders = pgTable(
  "reminders",
  {
    id: uuid().primaryKey().defaultRandom(),
    tenantId: tenantIdCopy(),
    contactId: contactIdCopy(),
    cycleId: uuid()
      .notNull()
      .references(() => cycles.id, { onDelete: "cascade" }),
    /** The stage key, or "recurring". */
    key: text().notNull(),
    /** 0 for one-time stages; 1, 2, … for recurring reminders. */
    sequence: integer().notNull().default(0),
    reachedAt: at().notNull(),
    plannedAt: at().notNull(),
  },
  (t) => [unique("reminders_cycle_key_unique").on(t.cycleId, t.key, t.sequence)],
);

/** A reminder on one channel, with its schedule and outcome. */
export const deliveries = pgTable(
  "deliveries",
  {
    id: uuid().primaryKey().defaultRandom(),
    tenantId: tenantIdCopy(),
    contactId: contactIdCopy(),
    reminderId: uuid()
      .notNull()
      .references(() => reminders.id, { onDelete: "cascade" }),
    channel: channel().notNull(),
    status: deliveryStatus().notNull(),
    /** Why it was skipped, superseded, canceled or failed. */
    reason: text(),
    dueAt: at().notNull(),
    /** When dispatch should next look at it: the due time, a retry, or a claim's lease expiry. */
    nextAttemptAt: at(),
    attemptCount: integer().notNull().default(0),
    /** The attempt whose provider call may be under way; a cancellation cannot stop it. */
    inFlightAttempt: integer(),
    firstAttemptAt: at(),
    finishedAt: at(),
    variant: text().notNull().default("fallback"),
    /** The message as rendered for its first attempt; retries send exactly this again. */
    content: jsonb().$type<StoredContent>(),
  },
  (t) => [
    unique("deliveries_reminder_channel_unique").on(t.reminderId, t.channel),
    index("deliveries_due_idx")
      .on(t.nextAttemptAt)
      .where(sql`${t.status} in ('pending', 'sending')`),
    index("deliveries_contact_channel_idx").on(t.contactId, t.channel),
  ],
);

/** Every provider call of a delivery; `idempotencyKey` is sent to the provider. */
export const attempts = pgTable(
  "attempts",
  {
    id: uuid().primaryKey().defaultRandom(),
    tenantId: tenantIdCopy(),
    deliveryId: uuid()
      .notNull()
      .references(() => deliveries.id, { onDelete: "cascade" }),
    number: integer().notNull(),
    idempotencyKey: text().notNull(),
    startedAt: at().notNull(),
    finishedAt: at(),
    outcome: attemptOutcome().notNull(),
    errorClass: text(),
    response: jsonb().$type<Record<string, unknown>>(),
  },
  (t) => [
    unique("attempts_delivery_number_unique").on(t.deliveryId, t.number),
    // Provider webhooks find the attempt by the provider's message id.
    index("attempts_provider_message_idx").on(sql`(${t.response}->>'providerMessageId')`),
  ],
);

/**
 * The append-only log of every decision, with its reason (SPEC §1.7). Only the engine writes it,
 * for contacts it holds locked, so `contactId` is a copy without a foreign key: the key's check
 * was a third of the cost of inserting an event (20 µs a row, `bench/RESULTS.md`), paid 2–3 times
 * per message and per plan. Erasing a contact must delete its events by `contact_id`.
 */
export const engineEvents = pgTable(
  "engine_events",
  {
    id: uuid().primaryKey().defaultRandom(),
    /** Insertion order: decisions made at the same instant read in the order they were made. */
    seq: bigint({ mode: "number" }).generatedAlwaysAsIdentity(),
    tenantId: tenantIdCopy(),
    contactId: contactIdCopy(),
    cycleId: uuid(),
    reminderId: uuid(),
    deliveryId: uuid(),
    type: text().notNull(),
    at: at().notNull(),
    reason: text().notNull(),
    data: jsonb().$type<Record<string, unknown>>().notNull().default({}),
  },
  (t) => [
    index("engine_events_contact_idx").on(t.contactId, t.at, t.seq),
    // Whether a reminder's link was opened: a send asks it of every delivery it records, and a
    // contact's events grow all year (the walk of `engine_events_contact_idx` read 65 events per
    // delivery by the end of the simulated year). Clicks are few, so this index is small.
    index("engine_events_clicks_idx")
      .on(t.contactId, t.reminderId)
      .where(sql`${t.type} = 'clicked'`),
    // Readers of the log in insertion order (the PostHog forwarder's cursor).
    index("engine_events_seq_idx").on(t.seq),
  ],
);
