import { and, desc, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { deliveries, outboxMessages, reminders } from "@/db/schema";
import type { MessageContent } from "@/server/content/message";

/** What a message says at a glance: an email's subject, a push's title, a text's first words. */
function headline(message: MessageContent | undefined): string | null {
  if (!message) return null;
  const text =
    message.channel === "email"
      ? message.subject
      : message.channel === "web_push"
        ? message.title
        : message.text;
  const line = text.split("\n")[0]!.trim();
  return line.length > 90 ? `${line.slice(0, 89)}…` : line;
}

/**
 * The reminders sent to a contact, newest first, with what each said at a glance when
 * `withContent` (the viewer may read messages) and the Outbox message that captured it, if a
 * local adapter sent it.
 */
export async function contactMessages(
  db: Db,
  tenantId: string,
  contactId: string,
  withContent: boolean,
  limit = 100,
) {
  const rows = await db
    .select({
      deliveryId: deliveries.id,
      channel: deliveries.channel,
      stage: reminders.key,
      sequence: reminders.sequence,
      sentAt: deliveries.finishedAt,
      variant: deliveries.variant,
      content: deliveries.content,
      outboxMessageId: outboxMessages.id,
    })
    .from(deliveries)
    .innerJoin(reminders, eq(reminders.id, deliveries.reminderId))
    .leftJoin(
      outboxMessages,
      // By contact first: outbox_contact_idx finds the contact's few messages.
      and(
        eq(outboxMessages.contactId, contactId),
        eq(outboxMessages.tenantId, tenantId),
        eq(outboxMessages.deliveryId, deliveries.id),
      ),
    )
    .where(
      and(
        eq(deliveries.tenantId, tenantId),
        eq(deliveries.contactId, contactId),
        eq(deliveries.status, "sent"),
      ),
    )
    .orderBy(desc(deliveries.finishedAt), desc(deliveries.id))
    .limit(limit);
  return rows.map(({ content, ...row }) => ({
    ...row,
    headline: withContent ? headline(content?.message) : null,
    outboxMessageId: withContent ? row.outboxMessageId : null,
  }));
}
