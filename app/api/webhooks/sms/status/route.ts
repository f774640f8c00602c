import { getDb } from "@/db/runtime";
import { env } from "@/server/env";
import { recordProviderStatus } from "@/server/webhooks/provider-status";
import { smsStatus } from "@/server/webhooks/sms-status";
import { emptyTwiml, verifiedTwilioForm } from "@/server/webhooks/twilio-request";

/** Twilio status callbacks (set `TWILIO_STATUS_CALLBACK_URL` to this route's public URL). */
export async function POST(request: Request) {
  const url =
    env.TWILIO_STATUS_CALLBACK_URL ??
    `${env.NEXTAUTH_URL.replace(/\/$/, "")}/api/webhooks/sms/status`;
  const params = await verifiedTwilioForm(request, url);
  if (params instanceof Response) return params;
  const status = smsStatus(params, new Date());
  if (status) await recordProviderStatus(await getDb(), status);
  return emptyTwiml();
}
