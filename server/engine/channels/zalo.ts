import { z } from "zod";
import {
  bodyText,
  DEFAULT_TIMEOUT_MS,
  httpFailure,
  parseAnswer,
  permanent,
  providerFailure,
  providerFetch,
  transient,
  type Classification,
} from "./http-failure";
import type { ChannelProvider, OutgoingMessage } from "./provider";

const PROVIDER = "zalo";

export type ZaloOptions = {
  /** The Official Account's access token. */
  accessToken: string;
  /** A Zalo-compatible API (tests, self-hosting); openapi.zalo.me otherwise. */
  baseUrl?: string;
  timeoutMs?: number;
};

/** Zalo error codes (answered with HTTP 200) that are not worth a retry, or are rate limits. */
const KNOWN: Record<number, Classification> = {
  [-216]: transient("auth"), // access token invalid
  [-213]: permanent("not_follower"), // the user does not follow the OA
  [-201]: permanent("invalid_request"), // a parameter is invalid
  [-32]: transient("rate_limited"),
};

const answer = z.object({
  error: z.number(),
  message: z.string().optional(),
  data: z.unknown().optional(),
});
const sent = z.object({ message_id: z.string().min(1) });

/**
 * Zalo OA customer-service text messages. Zalo has no idempotency key: an attempt whose answer
 * was lost may be delivered twice if retried.
 */
export function zaloProvider(options: ZaloOptions): ChannelProvider {
  const url = `${options.baseUrl ?? "https://openapi.zalo.me"}/v3.0/oa/message/cs`;
  return {
    async send(message) {
      const init = {
        method: "POST",
        headers: { access_token: options.accessToken, "Content-Type": "application/json" },
        body: JSON.stringify(body(message)),
      };
      const response = await providerFetch(
        PROVIDER,
        url,
        init,
        options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
      );
      if (!response.ok) {
        throw httpFailure(PROVIDER, { status: response.status, detail: bodyText(response.body) });
      }
      const { error, message: detail = "", data } = parseAnswer(PROVIDER, answer, response.body);
      if (error !== 0) {
        throw providerFailure(PROVIDER, classify(error, detail), `error ${error}: ${detail}`);
      }
      return { providerMessageId: parseAnswer(PROVIDER, sent, data).message_id };
    },
  };
}

function body(message: OutgoingMessage) {
  const content = message.content;
  if (content.channel !== "zalo") throw new Error(`zalo cannot send ${content.channel}`);
  // A CS text message has no link field: the link goes in the text.
  const text = content.text.includes(content.url)
    ? content.text
    : `${content.text}\n${content.url}`;
  return { recipient: { user_id: message.recipient }, message: { text } };
}

function classify(code: number, detail: string): Classification {
  const known = KNOWN[code];
  if (known) return known;
  // Other codes may still name an invalid token or a rate limit in their message.
  if (/access.?token/i.test(detail)) return transient("auth");
  if (/rate.?limit/i.test(detail)) return transient("rate_limited");
  return transient("provider_error");
}
