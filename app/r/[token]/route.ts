import { getDb } from "@/db/runtime";
import { followLink } from "@/server/links/follow-link";
import { appLinks } from "@/server/links/message-links";

/** A tracked link in a message: records the click, then sends the contact where it leads. */
export async function GET(request: Request, { params }: { params: Promise<{ token: string }> }) {
  const now = new Date();
  const verified = await appLinks().tokens.verify((await params).token, now);
  const to = (path: string) => Response.redirect(new URL(path, request.url), 303);
  if (!verified.ok) return to(`/links/${verified.problem}`);
  if (verified.claims.k !== "r") return to("/links/invalid");
  const target = await followLink(await getDb(), verified.claims, now);
  return target ? Response.redirect(target, 302) : to("/links/gone");
}
