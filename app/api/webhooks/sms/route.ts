import { getDb } from "@/db/runtime";
import { env } from "@/server/env";
import { applyInboundSms } from "@/server/webhooks/apply-inbound-sms";
import { verifyTwilioSignature } from "@/server/webhooks/twilio-signature";

const twiml = (status = 200) =>
  new Response("<Response/>", { status, headers: { "content-type": "text/xml" } });

/** Inbound SMS (Twilio-compatible): `X-Twilio-Signature` over the public URL and the form. */
export async function POST(request: Request) {
  if (!env.TWILIO_AUTH_TOKEN)
    return Response.json({ error: "The SMS provider is not configured." }, { status: 404 });
  const params = new URLSearchParams(await request.text());
  const url = `${env.NEXTAUTH_URL.replace(/\/$/, "")}/api/webhooks/sms`;
  const signed = verifyTwilioSignature({
    authToken: env.TWILIO_AUTH_TOKEN,
    url,
    params,
    signature: request.headers.get("x-twilio-signature"),
  });
  if (!signed) return Response.json({ error: "Invalid signature." }, { status: 401 });
  const from = params.get("From");
  if (!from) return Response.json({ error: "From: is required." }, { status: 400 });
  await applyInboundSms(await getDb(), from, params.get("Body") ?? "", new Date());
  return twiml();
}
