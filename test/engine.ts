import { asc, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { deliveries, engineEvents, links, outboxMessages, reminders } from "@/db/schema";
import type { Channel } from "@/db/schema/enums";
import { outboxProvider } from "@/server/engine/channels/outbox-provider";
import { ProviderError, type ChannelProvider } from "@/server/engine/channels/provider";
import type { FailureKind } from "@/server/engine/retry";

/**
 * The Outbox provider, with failures on command and a record of every call. The engine works
 * on every tenant of the database, so calls and failures name the contact.
 */
export function recordingProvider(db: Db) {
  const outbox = outboxProvider(db);
  const calls: {
    contactId: string;
    deliveryId: string;
    channel: Channel;
    idempotencyKey: string;
  }[] = [];
  const failures: { contactId: string; channel: Channel; kind: FailureKind; times: number }[] = [];
  const provider: ChannelProvider = {
    async send(message, options) {
      const { contactId, deliveryId, channel } = message;
      calls.push({ contactId, deliveryId, channel, idempotencyKey: options.idempotencyKey });
      const failure = failures.find(
        (f) => f.times > 0 && f.contactId === contactId && f.channel === channel,
      );
      if (failure) {
        failure.times--;
        throw new ProviderError(failure.kind, `${failure.kind} failure on command`);
      }
      return outbox.send(message, options);
    },
  };
  return {
    provider,
    callsOf: (contactId: string) => calls.filter((c) => c.contactId === contactId),
    failNext: (f: (typeof failures)[number]) => failures.push(f),
  };
}

/** A contact's deliveries with their stage, in the order they were due. */
export async function deliveriesOf(db: Db, contactId: string) {
  const rows = await db
    .select({ delivery: deliveries, stage: reminders.key })
    .from(deliveries)
    .innerJoin(reminders, eq(reminders.id, deliveries.reminderId))
    .where(eq(deliveries.contactId, contactId))
    .orderBy(asc(deliveries.dueAt), asc(deliveries.channel));
  return rows.map((r) => ({ ...r.delivery, stage: r.stage }));
}

export async function outboxOf(db: Db, contactId: string) {
  return db.select().from(outboxMessages).where(eq(outboxMessages.contactId, contactId));
}

export async function eventsOf(db: Db, contactId: string) {
  return db
    .select()
    .from(engineEvents)
    .where(eq(engineEvents.contactId, contactId))
    .orderBy(asc(engineEvents.at), asc(engineEvents.seq));
}

/** A contact's stored links, one per link (the table holds one row per message). */
export async function linksOf(db: Db, contactId: string) {
  const rows = await db.select().from(links).where(eq(links.contactId, contactId));
  return rows.flatMap(({ entries, id: key, ...message }) =>
    entries.map(({ tag, expiresAt, ...entry }) => ({
      ...message,
      ...entry,
      key,
      id: `${key}${tag}`,
      expiresAt: new Date(expiresAt),
    })),
  );
}
