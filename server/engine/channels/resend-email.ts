import { Resend } from "resend";
import {
  DEFAULT_TIMEOUT_MS,
  httpFailure,
  permanent,
  providerFailure,
  transient,
  type Classification,
} from "./http-failure";
import type { ChannelProvider, OutgoingMessage } from "./provider";

const PROVIDER = "resend";

type SendResult = Awaited<ReturnType<Resend["emails"]["send"]>>;
type ResendError = NonNullable<SendResult["error"]>;

export type ResendEmailOptions = {
  apiKey: string;
  /** Another Resend-compatible API (tests, self-hosting); the SDK default otherwise. */
  baseUrl?: string;
  timeoutMs?: number;
};

/** Resend error names that say more than their status (or would be misread by it). */
const KNOWN: Partial<Record<ResendError["name"], Classification>> = {
  rate_limit_exceeded: transient("rate_limited"),
  daily_quota_exceeded: transient("quota_exceeded"),
  monthly_quota_exceeded: transient("quota_exceeded"),
  // 409 while another request with this key is still running: its outcome decides, so ask again.
  concurrent_idempotent_requests: transient("in_progress"),
  application_error: transient("server_error"),
  internal_server_error: transient("server_error"),
  validation_error: permanent("invalid_request"),
  invalid_from_address: permanent("invalid_sender"),
};

/** Email through Resend; its idempotency key makes a retried attempt deliver once (SPEC §1.3). */
export function resendEmailProvider(options: ResendEmailOptions): ChannelProvider {
  const resend = new Resend(options.apiKey, { baseUrl: options.baseUrl });
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  return {
    async send(message, { idempotencyKey }) {
      const signal = AbortSignal.timeout(timeoutMs);
      const result = await resend.emails.send(payload(message), { idempotencyKey, signal });
      if (result.error) throw failure(result.error, result.headers, signal);
      return { providerMessageId: result.data.id };
    },
  };
}

function payload(message: OutgoingMessage) {
  const content = message.content;
  if (content.channel !== "email") throw new Error(`resend cannot send ${content.channel}`);
  return {
    from: content.from,
    to: message.recipient,
    replyTo: content.replyTo ?? undefined,
    subject: content.subject,
    html: content.html,
    text: content.text,
    headers: content.headers,
    tags: [
      { name: "stage", value: tagValue(message.stage) },
      { name: "delivery_id", value: tagValue(message.deliveryId) },
    ],
  };
}

/** Resend tag values allow only ASCII letters, digits, `_` and `-`, up to 256 characters. */
function tagValue(value: string): string {
  return value.replace(/[^A-Za-z0-9_-]/g, "_").slice(0, 256);
}

function failure(error: ResendError, headers: Record<string, string> | null, signal: AbortSignal) {
  // The SDK swallows transport failures, aborts included, as a status-less application_error.
  if (error.statusCode === null) {
    const noAnswer = signal.aborted ? transient("timeout") : transient("network_error");
    return providerFailure(PROVIDER, noAnswer, error.message);
  }
  const refusal = {
    status: error.statusCode,
    code: error.name,
    detail: error.message,
    retryAfter: headers?.["retry-after"],
  };
  return httpFailure(PROVIDER, refusal, KNOWN[error.name]);
}
