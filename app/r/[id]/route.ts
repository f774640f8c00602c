import { getDb } from "@/db/runtime";
import { followLink } from "@/server/links/follow-link";
import { linkScanner } from "@/server/links/scanners";

type Params = { params: Promise<{ id: string }> };

/**
 * A tracked link in a message: sends whoever opened it where it leads. The contact's click is
 * recorded; a link scanner's visit or a `HEAD` request only as `link_scanned` (SPEC §1.10).
 */
async function follow(request: Request, { params }: Params): Promise<Response> {
  const followed = await followLink(
    await getDb(),
    (await params).id,
    new Date(),
    linkScanner(request),
  );
  if (!followed.ok)
    return Response.redirect(new URL(`/links/${followed.problem}`, request.url), 303);
  return Response.redirect(followed.target, 302);
}

export const GET = follow;
// Without its own handler, Next.js answers HEAD by running GET: a checker's HEAD was a click.
export const HEAD = follow;
