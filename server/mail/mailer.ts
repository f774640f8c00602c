import { Resend } from "resend";
import type { Db } from "@/db/client";
import { outboxMessages } from "@/db/schema";

export type Mail = { to: string; subject: string; text: string; html: string };

export type Mailer = { send: (mail: Mail) => Promise<void> };

export function resendMailer(apiKey: string, from: string): Mailer {
  const resend = new Resend(apiKey);
  return {
    async send(mail) {
      // Resend never throws; it answers with `error`.
      const { error } = await resend.emails.send({ from, ...mail });
      if (error) throw new Error(`Resend refused the email (${error.name}): ${error.message}`);
    },
  };
}

/** The embedded default for system mail: captured in the Outbox table instead of being sent. */
export function outboxMailer(db: Db): Mailer {
  return {
    async send(mail) {
      await db.insert(outboxMessages).values({
        channel: "email",
        recipient: mail.to,
        subject: mail.subject,
        text: mail.text,
        html: mail.html,
      });
    },
  };
}
