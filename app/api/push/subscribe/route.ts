import { z } from "zod";
import { getDb } from "@/db/runtime";
import { appLinks } from "@/server/links/message-links";
import { saveSubscription } from "@/server/push/register";
import { browserSubscription } from "@/server/push/subscription-input";

const body = z.object({ token: z.string().min(1), subscription: browserSubscription });

/** The preference center's "notify me in this browser": the signed link says who the contact is. */
export async function POST(request: Request) {
  const parsed = body.safeParse(await request.json().catch(() => null));
  if (!parsed.success)
    return Response.json({ error: z.prettifyError(parsed.error) }, { status: 400 });
  const now = new Date();
  const verified = await appLinks().tokens.verify(parsed.data.token, now);
  if (!verified.ok || verified.claims.k !== "p")
    return Response.json({ error: "This link is not valid or has expired." }, { status: 401 });
  const saved = await saveSubscription(await getDb(), {
    tenantId: verified.claims.t,
    contactId: verified.claims.c,
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
