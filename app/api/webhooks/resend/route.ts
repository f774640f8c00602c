import { getDb } from "@/db/runtime";
import { env } from "@/server/env";
import { emailStatus } from "@/server/webhooks/email-status";
import { recordProviderStatusOnce } from "@/server/webhooks/provider-status";
import { verifyResendWebhook } from "@/server/webhooks/resend-signature";

/**
 * Resend delivery webhooks, signed (Svix / Standard Webhooks) with RESEND_WEBHOOK_SECRET. An event
 * already applied (Svix's retry, or a copy replayed within the signature's window) answers 200 and
 * changes nothing.
 */
export async function POST(request: Request) {
  if (!env.RESEND_WEBHOOK_SECRET)
    return Response.json({ error: "Resend webhooks are not configured." }, { status: 404 });
  const body = await request.text();
  const verified = verifyResendWebhook(body, request.headers, env.RESEND_WEBHOOK_SECRET);
  if (!verified.ok) return Response.json({ error: verified.reason }, { status: 401 });
  if (!verified.event) return Response.json({ received: true, recorded: false });
  const once = await recordProviderStatusOnce(
    await getDb(),
    "resend",
    emailStatus(verified.event),
    new Date(),
  );
  return Response.json({
    received: true,
    recorded: once.applied && once.value,
    duplicate: !once.applied,
  });
}
