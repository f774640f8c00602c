import { getDb } from "@/db/runtime";
import { appLinks } from "@/server/links/message-links";
import { setChannelState } from "@/server/preferences/channel-state";

async function verifiedContact(token: string, now: Date) {
  const verified = await appLinks().tokens.verify(token, now);
  return verified.ok && verified.claims.k === "u" ? verified.claims : null;
}

/**
 * RFC 8058 one-click unsubscribe (`List-Unsubscribe-Post: List-Unsubscribe=One-Click`): the mail
 * client POSTs here and email stops; every other channel stays as it is (SPEC §1.5).
 */
export async function POST(_request: Request, { params }: { params: Promise<{ token: string }> }) {
  const now = new Date();
  const claims = await verifiedContact((await params).token, now);
  if (!claims)
    return new Response("This unsubscribe link is not valid or has expired.\n", { status: 400 });
  const changed = await setChannelState(await getDb(), {
    tenantId: claims.t,
    contactId: claims.c,
    channel: "email",
    state: "unsubscribed",
    source: "one-click unsubscribe",
    now,
  });
  return changed
    ? new Response("You are unsubscribed from these emails.\n", { status: 200 })
    : new Response("This unsubscribe link is no longer valid.\n", { status: 404 });
}

/**
 * Opening the link in a browser does not unsubscribe by itself (link scanners open links too): it
 * leads to the preference center, where email can be turned off with one click.
 */
export async function GET(request: Request, { params }: { params: Promise<{ token: string }> }) {
  const now = new Date();
  const claims = await verifiedContact((await params).token, now);
  if (!claims) return Response.redirect(new URL("/links/invalid", request.url), 303);
  const prefs = await appLinks().preferences(claims.t, claims.c, now);
  return Response.redirect(`${prefs}?focus=email`, 303);
}
