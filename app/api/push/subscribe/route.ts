import { z } from "zod";
import { getDb } from "@/db/runtime";
import { linkIdSchema } from "@/server/links/link-id";
import { resolveLink } from "@/server/links/resolve-link";
import { saveSubscription } from "@/server/push/register";
import { browserSubscription } from "@/server/push/subscription-input";

const body = z.object({ link: linkIdSchema, subscription: browserSubscription });

/** The preference center's "notify me in this browser": its link says who the contact is. */
export async function POST(request: Request) {
  const parsed = body.safeParse(await request.json().catch(() => null));
  if (!parsed.success)
    return Response.json({ error: z.prettifyError(parsed.error) }, { status: 400 });
  const now = new Date();
  const db = await getDb();
  const resolved = await resolveLink(db, parsed.data.link, "preferences", now);
  if (!resolved.ok)
    return Response.json({ error: "This link is not valid or has expired." }, { status: 401 });
  const saved = await saveSubscription(db, {
    tenantId: resolved.link.tenantId,
    contactId: resolved.link.contactId,
    subscription: parsed.data.subscription,
    now,
  });
  if (!saved)
    return Response.json(
      { error: "This business does not send browser notifications." },
      { status: 403 },
    );
  return Response.json({ subscribed: true });
}
