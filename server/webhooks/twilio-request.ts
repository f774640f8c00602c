import { env } from "@/server/env";
import { prose } from "@/server/lib/bounded";
import { verifyTwilioSignature } from "./twilio-signature";

/**
 * The form of a Twilio webhook whose `X-Twilio-Signature` matches `publicUrl` (the exact URL
 * configured at Twilio), or the answer refusing it.
 */
export async function verifiedTwilioForm(
  request: Request,
  publicUrl: string,
): Promise<URLSearchParams | Response> {
  if (!env.TWILIO_AUTH_TOKEN)
    return Response.json({ error: "The SMS provider is not configured." }, { status: 404 });
  const params = new URLSearchParams(await request.text());
  const signed = verifyTwilioSignature({
    authToken: env.TWILIO_AUTH_TOKEN,
    url: publicUrl,
    params,
    signature: request.headers.get("x-twilio-signature"),
  });
  if (!signed) return Response.json({ error: "Invalid signature." }, { status: 401 });
  // Signed is not the same as storable: a NUL would fail the database's statement (a 500).
  for (const [field, value] of params)
    if (!formValue.safeParse(value).success)
      return Response.json(
        { error: `Invalid field ${field}: must not contain control characters such as NUL.` },
        { status: 400 },
      );
  return params;
}

/** An SMS body may hold line breaks; nothing a form carries may hold other control characters. */
const formValue = prose(10_000);

/** Twilio reads TwiML answers; an empty one says "nothing to reply". */
export const emptyTwiml = () =>
  new Response("<Response/>", { headers: { "content-type": "text/xml" } });
