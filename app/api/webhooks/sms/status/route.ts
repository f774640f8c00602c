import { getDb } from "@/db/runtime";
import { env } from "@/server/env";
import { recordProviderStatusOnce } from "@/server/webhooks/provider-status";
import { smsStatus } from "@/server/webhooks/sms-status";
import { emptyTwiml, verifiedTwilioForm } from "@/server/webhooks/twilio-request";

/**
 * Twilio status callbacks (set `TWILIO_STATUS_CALLBACK_URL` to this route's public URL). Twilio's
 * signature never expires, so each message's status is applied once: a replay changes nothing.
 */
export async function POST(request: Request) {
  const url =
    env.TWILIO_STATUS_CALLBACK_URL ??
    `${env.NEXTAUTH_URL.replace(/\/$/, "")}/api/webhooks/sms/status`;
  const params = await verifiedTwilioForm(request, url);
  if (params instanceof Response) return params;
  const now = new Date();
  const status = smsStatus(params, now);
  if (status) await recordProviderStatusOnce(await getDb(), "twilio_status", status, now);
  return emptyTwiml();
}
