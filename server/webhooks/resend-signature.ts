import { Webhook, WebhookVerificationError } from "standardwebhooks";
import { z } from "zod";
import { line, pastInstant } from "@/server/lib/bounded";

/** A delivery outcome Resend reported for one sent email. */
export type ResendDeliveryEvent = { providerMessageId: string; occurredAt: Date } & (
  | { status: "delivered" | "complained" | "delivery_delayed" }
  /** Resend reports bounces as permanent rejections unless it says `Transient`. */
  | { status: "bounced"; permanent: boolean }
);

/** `event` is null for a genuine webhook about something other than a delivery outcome. */
export type ResendWebhookResult =
  { ok: false; reason: string } | { ok: true; event: ResendDeliveryEvent | null };

export type HeaderSource = Headers | Record<string, string | undefined>;

const STATUSES = {
  "email.delivered": "delivered",
  "email.bounced": "bounced",
  "email.complained": "complained",
  "email.delivery_delayed": "delivery_delayed",
} as const;

/**
 * A delivery event, signed at `signedAt`. Resend dates an event before it signs it; a date outside
 * that range (the year 0000) is no time at all, but the outcome still counts: it is dated when
 * Resend signed it.
 */
const eventSchema = (signedAt: Date) =>
  z.object({
    type: z.enum(Object.keys(STATUSES) as (keyof typeof STATUSES)[]),
    created_at: pastInstant(signedAt).catch(signedAt),
    data: z.object({
      email_id: line(200).min(1),
      bounce: z.object({ type: z.string() }).optional(),
    }),
  });

/**
 * Checks a Resend webhook (Svix / Standard Webhooks: `svix-id`, `svix-timestamp`,
 * `svix-signature`, secret `whsec_…`) against the raw body, refusing stale timestamps, and reads
 * the delivery outcome it reports.
 */
export function verifyResendWebhook(
  rawBody: string,
  headers: HeaderSource,
  secret: string,
): ResendWebhookResult {
  const standard = standardHeaders(headers);
  try {
    new Webhook(secret).verify(rawBody, standard, { jsonParse: false });
  } catch (error) {
    if (error instanceof WebhookVerificationError) return { ok: false, reason: error.message };
    throw error;
  }
  // Verified: the timestamp is a number of seconds within minutes of our clock.
  const signedAt = new Date(Number(standard["webhook-timestamp"]) * 1000);
  return { ok: true, event: deliveryEvent(rawBody, signedAt) };
}

/** Svix sends the Standard Webhooks headers under its own `svix-` names. */
function standardHeaders(source: HeaderSource): Record<string, string> {
  const get = headerGetter(source);
  const pick = (name: string) => get(`svix-${name}`) ?? get(`webhook-${name}`) ?? "";
  return {
    "webhook-id": pick("id"),
    "webhook-timestamp": pick("timestamp"),
    "webhook-signature": pick("signature"),
  };
}

function headerGetter(source: HeaderSource): (name: string) => string | undefined {
  if (source instanceof Headers) return (name) => source.get(name) ?? undefined;
  const lower = Object.fromEntries(Object.entries(source).map(([k, v]) => [k.toLowerCase(), v]));
  return (name) => lower[name];
}

function deliveryEvent(rawBody: string, signedAt: Date): ResendDeliveryEvent | null {
  const parsed = eventSchema(signedAt).safeParse(parseJson(rawBody));
  if (!parsed.success) return null;
  const { type, created_at: occurredAt, data } = parsed.data;
  const common = { providerMessageId: data.email_id, occurredAt };
  const status = STATUSES[type];
  if (status !== "bounced") return { ...common, status };
  return { ...common, status, permanent: data.bounce?.type.toLowerCase() !== "transient" };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
