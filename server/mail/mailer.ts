import { Resend } from "resend";
import type { Db } from "@/db/client";
import { outboxMessages } from "@/db/schema";

export type Mail = { to: string; subject: string; text: string; html: string };

/** Sends one email; `idempotencyKey` makes a repeated call deliver at most once. */
export type Mailer = { send: (mail: Mail, idempotencyKey?: string) => Promise<void> };

export function resendMailer(apiKey: string, from: string): Mailer {
  const resend = new Resend(apiKey);
  return {
    async send(mail, idempotencyKey) {
      // Resend never throws; it answers with `error`.
      const { error } = await resend.emails.send({ from, ...mail }, { idempotencyKey });
      if (error) throw new Error(`Resend refused the email (${error.name}): ${error.message}`);
    },
  };
}

/** The embedded default: the message is captured in the Outbox table instead of being sent. */
export function outboxMailer(db: Db, tenantId: string | null = null): Mailer {
  return {
    async send(mail, idempotencyKey) {
      await db.insert(outboxMessages).values({
        tenantId,
        channel: "email",
        recipient: mail.to,
        subject: mail.subject,
        text: mail.text,
        html: mail.html,
        meta: idempotencyKey ? { idempotencyKey } : {},
      });
    },
  };
}
