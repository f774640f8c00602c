import { getDb } from "@/db/runtime";
import { appLinks, saveLinks } from "@/server/links/message-links";
import { resolveLink } from "@/server/links/resolve-link";
import { setChannelState } from "@/server/preferences/channel-state";

type Params = { params: Promise<{ id: string }> };

/**
 * RFC 8058 one-click unsubscribe (`List-Unsubscribe-Post: List-Unsubscribe=One-Click`): the mail
 * client POSTs here and email stops; every other channel stays as it is (SPEC §1.5).
 */
export async function POST(_request: Request, { params }: Params) {
  const now = new Date();
  const db = await getDb();
  const resolved = await resolveLink(db, (await params).id, "unsubscribe", now);
  if (!resolved.ok)
    return new Response("This unsubscribe link is not valid or has expired.\n", { status: 400 });
  const changed = await setChannelState(db, {
    tenantId: resolved.link.tenantId,
    contactId: resolved.link.contactId,
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
export async function GET(request: Request, { params }: Params) {
  const now = new Date();
  const db = await getDb();
  const resolved = await resolveLink(db, (await params).id, "unsubscribe", now);
  if (!resolved.ok)
    return Response.redirect(new URL(`/links/${resolved.problem}`, request.url), 303);
  const { tenantId, contactId, deliveryId } = resolved.link;
  const message = appLinks().forMessage({ tenantId, contactId, deliveryId }, now);
  const preferences = message.link("preferences", null);
  await saveLinks(db, [message.row()!]);
  return Response.redirect(`${preferences}?focus=email`, 303);
}
