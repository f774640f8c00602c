import { z } from "zod";
import {
  bodyText,
  DEFAULT_TIMEOUT_MS,
  httpFailure,
  parseAnswer,
  permanent,
  providerFetch,
  type Classification,
} from "./http-failure";
import type { ChannelProvider, OutgoingMessage } from "./provider";

const PROVIDER = "twilio";

/** A fixed sender number, or a Messaging Service that picks one. */
export type TwilioSender = { from: string } | { messagingServiceSid: string };

export type TwilioSmsOptions = TwilioSender & {
  accountSid: string;
  authToken: string;
  /** Where Twilio posts delivery status updates, when set. */
  statusCallbackUrl?: string;
  /** A Twilio-compatible API (tests, self-hosting); api.twilio.com otherwise. */
  baseUrl?: string;
  timeoutMs?: number;
};

/** Twilio error codes that decide more precisely than the HTTP status. */
const KNOWN: Record<number, Classification> = {
  21211: permanent("invalid_recipient"), // invalid `To` number
  21614: permanent("invalid_recipient"), // `To` is not a mobile number
  21610: permanent("opted_out"), // the recipient replied STOP to this sender
};

const created = z.object({ sid: z.string().min(1) });
const refused = z.object({ code: z.number().optional(), message: z.string().optional() });

/** SMS through Twilio's Messages API; its idempotency token makes a retry deliver once. */
export function twilioSmsProvider(options: TwilioSmsOptions): ChannelProvider {
  const base = options.baseUrl ?? "https://api.twilio.com";
  const url = `${base}/2010-04-01/Accounts/${encodeURIComponent(options.accountSid)}/Messages.json`;
  const auth = Buffer.from(`${options.accountSid}:${options.authToken}`).toString("base64");
  return {
    async send(message, { idempotencyKey }) {
      const init = {
        method: "POST",
        headers: { Authorization: `Basic ${auth}`, "I-Twilio-Idempotency-Token": idempotencyKey },
        body: form(message, options),
      };
      const response = await providerFetch(
        PROVIDER,
        url,
        init,
        options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
      );
      if (!response.ok) throw failure(response.status, response.headers, response.body);
      return { providerMessageId: parseAnswer(PROVIDER, created, response.body).sid };
    },
  };
}

function form(message: OutgoingMessage, options: TwilioSmsOptions): URLSearchParams {
  const content = message.content;
  if (content.channel !== "sms") throw new Error(`twilio cannot send ${content.channel}`);
  const body = new URLSearchParams({ To: message.recipient, Body: content.text });
  if ("messagingServiceSid" in options)
    body.set("MessagingServiceSid", options.messagingServiceSid);
  else body.set("From", options.from);
  if (options.statusCallbackUrl) body.set("StatusCallback", options.statusCallbackUrl);
  return body;
}

function failure(status: number, headers: Headers, body: unknown) {
  const error = refused.safeParse(body);
  const code = error.success ? error.data.code : undefined;
  const detail = error.success ? error.data.message : bodyText(body);
  const refusal = { status, code, detail, retryAfter: headers.get("retry-after") };
  return httpFailure(PROVIDER, refusal, code === undefined ? undefined : KNOWN[code]);
}
