import type { MessageContent } from "./message";
import { hasOptOutLine, MAX_SMS_SEGMENTS } from "./sms";

export type GuardFailure = { guard: string; reason: string };

/**
 * SPEC §1.6 compliance guards on the rendered message, right before it would be sent: a failing
 * message is not sent and the reason goes to the event log.
 */
export function checkGuards(
  message: MessageContent,
  sender: { name: string; email: string; postalAddress: string },
  unsubscribeUrl: string,
): GuardFailure | null {
  switch (message.channel) {
    case "email":
      if (!/^[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+$/.test(sender.email) || !sender.name.trim())
        return fail("sender_identity", "the workspace has no valid sender name and email");
      if (!sender.postalAddress.trim())
        return fail("postal_address", "the workspace has no postal address for the footer");
      if (
        !message.html.includes(escapeAmp(unsubscribeUrl)) ||
        !message.text.includes(unsubscribeUrl)
      )
        return fail("unsubscribe_link", "the email has no unsubscribe link");
      if (
        message.headers["List-Unsubscribe"] !== `<${unsubscribeUrl}>` ||
        message.headers["List-Unsubscribe-Post"] !== "List-Unsubscribe=One-Click"
      )
        return fail("list_unsubscribe", "the email lacks the List-Unsubscribe headers");
      if (!message.subject.trim()) return fail("empty", "the email has no subject");
      return null;
    case "sms":
      if (!hasOptOutLine(message.text)) return fail("opt_out_line", "the SMS has no opt-out line");
      if (message.segments > MAX_SMS_SEGMENTS)
        return fail(
          "too_long",
          `the SMS takes ${message.segments} segments (at most ${MAX_SMS_SEGMENTS})`,
        );
      return null;
    case "web_push":
      if (!message.title || !message.body) return fail("empty", "the push message is empty");
      return null;
    case "zalo":
      if (!message.text) return fail("empty", "the Zalo message is empty");
      return null;
  }
}

const fail = (guard: string, reason: string): GuardFailure => ({ guard, reason });
const escapeAmp = (url: string) => url.replaceAll("&", "&amp;");
