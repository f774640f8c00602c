import { createHash } from "node:crypto";
import webpush from "web-push";
import { z } from "zod";
import { pinnedDispatcher, systemResolve, type Resolve } from "@/server/push/pinned-dispatcher";
import { addressProblem, endpointProblem } from "@/server/push/public-address";
import {
  bodyText,
  DEFAULT_TIMEOUT_MS,
  httpFailure,
  networkFailure,
  permanent,
  providerFailure,
  providerFetch,
} from "./http-failure";
import type { ChannelProvider, OutgoingMessage } from "./provider";

const PROVIDER = "web-push";

export type VapidDetails = { publicKey: string; privateKey: string; subject: string };

export type WebPushOptions = {
  vapid: VapidDetails;
  /** How long the push service keeps an undelivered message: a stale reminder is worse than none. */
  ttlSeconds?: number;
  timeoutMs?: number;
  /**
   * Allow `http:` endpoints on any address (tests, a local push service); browsers only hand out
   * `https:` ones on public push services.
   */
  allowLocalEndpoints?: boolean;
  /** How endpoint host names are resolved: the system's resolver unless a test stands in. */
  resolve?: Resolve;
};

/** base64url of exactly `bytes` bytes (`min` and up when `exact` is false). */
const key = (bytes: number, exact: boolean) =>
  z.string().refine((value) => {
    const length = Buffer.from(value, "base64url").length;
    return exact ? length === bytes : length >= bytes;
  });

// RFC 8291: an uncompressed P-256 public key and an authentication secret of at least 16 bytes.
const subscriptionSchema = z.object({
  endpoint: z.url({ protocol: /^https?$/ }),
  keys: z.object({ p256dh: key(65, true), auth: key(16, false) }),
});
type Subscription = z.infer<typeof subscriptionSchema>;

/**
 * Web push with VAPID. The `web-push` library encrypts and signs; the request itself goes through
 * `fetch` so one deadline covers the whole exchange, like the other adapters.
 */
export function webPushProvider(options: WebPushOptions): ChannelProvider {
  assertVapid(options.vapid);
  const ttl = options.ttlSeconds ?? 24 * 60 * 60;
  return {
    async send(message, { idempotencyKey }) {
      const subscription = subscriptionOf(message.recipient, options.allowLocalEndpoints);
      const details = webpush.generateRequestDetails(subscription, payload(message), {
        vapidDetails: options.vapid,
        TTL: ttl,
        topic: topicOf(message.deliveryId),
      });
      const body = new Uint8Array(details.body);
      const dispatcher = await checkedDispatcher(details.endpoint, options);
      const init = {
        method: details.method,
        headers: headersOf(details.headers),
        body,
        dispatcher,
      };
      const response = await providerFetch(
        PROVIDER,
        details.endpoint,
        init,
        options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
      ).finally(() => dispatcher.destroy());
      if (!response.ok) throw failure(response.status, response.headers, response.body);
      // RFC 8030: the push service names the message it created in `Location`.
      return { providerMessageId: response.headers.get("location") ?? idempotencyKey };
    },
  };
}

/** Bad keys would otherwise surface at every send, looking like bad subscriptions. */
function assertVapid({ subject, publicKey, privateKey }: VapidDetails): void {
  webpush.getVapidHeaders("https://push.invalid", subject, publicKey, privateKey, "aes128gcm");
}

function subscriptionOf(recipient: string, allowInsecure = false): Subscription {
  const parsed = subscriptionSchema.safeParse(parseJson(recipient));
  if (parsed.success && (allowInsecure || parsed.data.endpoint.startsWith("https:"))) {
    return parsed.data;
  }
  throw providerFailure(PROVIDER, permanent("invalid_recipient"), "not a usable push subscription");
}

/**
 * The endpoint was checked when it was registered; names can since point elsewhere. Right before
 * the request its host is resolved, every address must be public, and the request is pinned to
 * those addresses. An endpoint inside the network is refused for good: retrying will not move it.
 */
async function checkedDispatcher(endpoint: string, options: WebPushOptions) {
  const refuse = (detail: string) =>
    providerFailure(PROVIDER, permanent("non_public_endpoint"), detail);
  const local = options.allowLocalEndpoints ?? false;
  const problem = local ? null : endpointProblem(endpoint);
  if (problem) throw refuse(`the endpoint ${problem}`);
  const host = new URL(endpoint).hostname.replace(/^\[(.*)\]$/, "$1");
  const resolved = await (options.resolve ?? systemResolve)(host).catch((error: unknown) => {
    throw networkFailure(PROVIDER, error);
  });
  const [first, ...rest] = resolved;
  if (!first) throw networkFailure(PROVIDER, new Error(`${host} has no address`));
  const inside = local ? null : resolved.map((a) => addressProblem(a.address)).find(Boolean);
  if (inside) throw refuse(`${host} resolves to a non-public address: ${inside}`);
  return pinnedDispatcher([first, ...rest]);
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function payload(message: OutgoingMessage): string {
  const content = message.content;
  if (content.channel !== "web_push") throw new Error(`web-push cannot send ${content.channel}`);
  const { title, body, icon, url } = content;
  return JSON.stringify({ title, body, icon, url, deliveryId: message.deliveryId });
}

/**
 * Push services take no idempotency key; a shared Topic makes a later attempt of the same delivery
 * replace a copy still undelivered instead of showing twice. Topics are at most 32 base64url chars.
 */
function topicOf(deliveryId: string): string {
  return createHash("sha256").update(deliveryId).digest("base64url").slice(0, 32);
}

/** fetch takes string headers and computes Content-Length itself. */
function headersOf(headers: Record<string, unknown>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(headers)
      .filter(([name]) => name.toLowerCase() !== "content-length")
      .map(([name, value]) => [name, String(value)]),
  );
}

function failure(status: number, headers: Headers, body: unknown) {
  // The browser dropped the subscription: it will never accept a message again.
  const gone = status === 404 || status === 410 ? permanent("subscription_gone") : undefined;
  const refusal = { status, detail: bodyText(body), retryAfter: headers.get("retry-after") };
  return httpFailure(PROVIDER, refusal, gone);
}
