import { getDb } from "@/db/runtime";
import { env } from "@/server/env";
import { emailStatus } from "@/server/webhooks/email-status";
import { recordProviderStatus } from "@/server/webhooks/provider-status";
import { verifyResendWebhook } from "@/server/webhooks/resend-signature";

/** Resend delivery webhooks, signed (Svix / Standard Webhooks) with RESEND_WEBHOOK_SECRET. */
export async function POST(request: Request) {
  if (!env.RESEND_WEBHOOK_SECRET)
    return Response.json({ error: "Resend webhooks are not configured." }, { status: 404 });
  const body = await request.text();
  const verified = verifyResendWebhook(body, request.headers, env.RESEND_WEBHOOK_SECRET);
  if (!verified.ok) return Response.json({ error: verified.reason }, { status: 401 });
  const recorded = verified.event
    ? await recordProviderStatus(await getDb(), emailStatus(verified.event))
    : false;
  return Response.json({ received: true, recorded });
}
