import { and, count, desc, eq, ilike, or, sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { line } from "@/server/lib/bounded";
import { containsPattern } from "@/server/lib/like-pattern";
import { contacts, deliveries, outboxMessages, reminders } from "@/db/schema";
import { channel } from "@/db/schema/enums";

export const listOutboxInput = z.object({
  page: z.number().int().min(1).default(1),
  pageSize: z.number().int().min(5).max(100).default(20),
  /** A contact's name, external id, or the message's recipient. */
  contact: line(200).optional(),
  channel: z.enum(channel.enumValues).optional(),
});
export type ListOutboxInput = z.input<typeof listOutboxInput>;

/** Messages the local adapters captured for the tenant, newest first. */
export async function listOutbox(db: Db, tenantId: string, rawInput: ListOutboxInput) {
  const input = listOutboxInput.parse(rawInput);
  const where = and(
    eq(outboxMessages.tenantId, tenantId),
    input.channel ? eq(outboxMessages.channel, input.channel) : undefined,
    input.contact ? matchesContact(input.contact) : undefined,
  );
  const base = db
    .select({
      id: outboxMessages.id,
      channel: outboxMessages.channel,
      recipient: outboxMessages.recipient,
      subject: outboxMessages.subject,
      text: outboxMessages.text,
      html: outboxMessages.html,
      url: sql<string | null>`${outboxMessages.meta}->>'url'`,
      variant: deliveries.variant,
      createdAt: outboxMessages.createdAt,
      contactName: contacts.name,
      contactExternalId: contacts.externalId,
      stage: reminders.key,
    })
    .from(outboxMessages)
    .leftJoin(contacts, eq(contacts.id, outboxMessages.contactId))
    .leftJoin(deliveries, eq(deliveries.id, outboxMessages.deliveryId))
    .leftJoin(reminders, eq(reminders.id, deliveries.reminderId));
  const [rows, [total]] = await Promise.all([
    base
      .where(where)
      .orderBy(desc(outboxMessages.createdAt), desc(outboxMessages.id))
      .limit(input.pageSize)
      .offset((input.page - 1) * input.pageSize),
    db
      .select({ n: count() })
      .from(outboxMessages)
      .leftJoin(contacts, eq(contacts.id, outboxMessages.contactId))
      .where(where),
  ]);
  return { rows, total: total?.n ?? 0, page: input.page, pageSize: input.pageSize };
}

function matchesContact(text: string): SQL | undefined {
  const pattern = containsPattern(text);
  return or(
    eq(contacts.externalId, text),
    ilike(contacts.name, pattern),
    ilike(outboxMessages.recipient, pattern),
  );
}
