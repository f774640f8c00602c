import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { outboxMessages } from "@/db/schema";
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
          subject: message.subject,
          text: message.text,
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
