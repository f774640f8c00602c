import { getDb } from "@/db/runtime";
import { env } from "@/server/env";
import { applyInboundSms } from "@/server/webhooks/apply-inbound-sms";
import { applyOnce } from "@/server/webhooks/apply-once";
import { emptyTwiml, verifiedTwilioForm } from "@/server/webhooks/twilio-request";

/**
 * Inbound SMS (Twilio-compatible): STOP / START and their synonyms change the SMS opt-in. Twilio's
 * signature never expires, so each message (by its `MessageSid`) is applied once: a replayed STOP
 * cannot undo a later START.
 */
export async function POST(request: Request) {
  const url = `${env.NEXTAUTH_URL.replace(/\/$/, "")}/api/webhooks/sms`;
  const params = await verifiedTwilioForm(request, url);
  if (params instanceof Response) return params;
  const from = params.get("From");
  if (!from) return Response.json({ error: "From: is required." }, { status: 400 });
  const messageSid = params.get("MessageSid");
  if (!messageSid) return Response.json({ error: "MessageSid: is required." }, { status: 400 });
  const now = new Date();
  await applyOnce(
    await getDb(),
    { source: "twilio_inbound", key: messageSid, receivedAt: now },
    (tx) => applyInboundSms(tx, from, params.get("Body") ?? "", now),
  );
  return emptyTwiml();
}
