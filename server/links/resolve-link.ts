import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { links, type LinkKind } from "@/db/schema";
import { linkIdSchema } from "./link-id";

export type LinkProblem = "invalid" | "expired";
export type Link = typeof links.$inferSelect;

/**
 * The stored link behind an id opened at `/r/`, `/p/` or `/u/` (SPEC §1.10). An id of the wrong
 * shape, one we never made (forged, altered, truncated) or of another kind is `invalid`; one past
 * its expiry is `expired`. Nothing about anyone is told either way.
 */
export async function resolveLink(
  db: Db,
  id: string,
  kind: LinkKind,
  now: Date,
): Promise<{ ok: true; link: Link } | { ok: false; problem: LinkProblem }> {
  if (!linkIdSchema.safeParse(id).success) return { ok: false, problem: "invalid" };
  const [link] = await db.select().from(links).where(eq(links.id, id));
  if (!link || link.kind !== kind) return { ok: false, problem: "invalid" };
  if (link.expiresAt <= now) return { ok: false, problem: "expired" };
  return { ok: true, link };
}
