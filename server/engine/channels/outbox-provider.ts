import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { outboxMessages } from "@/db/schema";
import { plainText, type MessageContent } from "@/server/content/message";
import type { ChannelProvider } from "./provider";

/** The local adapter of every channel: the message is captured in the Outbox, once per key. */
export function outboxProvider(db: Db): ChannelProvider {
  return {
    async send(message, { idempotencyKey }) {
      const [row] = await db
        .insert(outboxMessages)
        .values({
          tenantId: message.tenantId,
          contactId: message.contactId,
          deliveryId: message.deliveryId,
          channel: message.channel,
          recipient: message.recipient,
          ...outboxFields(message.content),
          idempotencyKey,
        })
        .onConflictDoNothing({ target: outboxMessages.idempotencyKey })
        .returning({ id: outboxMessages.id });
      if (row) return { providerMessageId: row.id };
      const [existing] = await db
        .select({ id: outboxMessages.id })
        .from(outboxMessages)
        .where(eq(outboxMessages.idempotencyKey, idempotencyKey));
      return { providerMessageId: existing!.id };
    },
  };
}

/** The message as the Outbox shows it: subject or title, text, the email's HTML, the rest in meta. */
function outboxFields(content: MessageContent) {
  switch (content.channel) {
    case "email":
      return {
        subject: content.subject,
        text: content.text,
        html: content.html,
        meta: { from: content.from, headers: content.headers },
      };
    case "web_push":
      return {
        subject: content.title,
        text: content.body,
        html: null,
        meta: { url: content.url, icon: content.icon },
      };
    case "sms":
      return {
        subject: null,
        text: content.text,
        html: null,
        meta: { segments: content.segments },
      };
    case "zalo":
      return { subject: null, text: plainText(content), html: null, meta: { url: content.url } };
  }
}
