import { getDb } from "@/db/runtime";
import { env } from "@/server/env";
import { applyInboundSms } from "@/server/webhooks/apply-inbound-sms";
import { emptyTwiml, verifiedTwilioForm } from "@/server/webhooks/twilio-request";

/** Inbound SMS (Twilio-compatible): STOP / START and their synonyms change the SMS opt-in. */
export async function POST(request: Request) {
  const url = `${env.NEXTAUTH_URL.replace(/\/$/, "")}/api/webhooks/sms`;
  const params = await verifiedTwilioForm(request, url);
  if (params instanceof Response) return params;
  const from = params.get("From");
  if (!from) return Response.json({ error: "From: is required." }, { status: 400 });
  await applyInboundSms(await getDb(), from, params.get("Body") ?? "", new Date());
  return emptyTwiml();
}
