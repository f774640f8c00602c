import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { links, type LinkKind } from "@/db/schema";
import { linkIdSchema, splitLinkId } from "./link-id";

export type LinkProblem = "invalid" | "expired";

/** One link of a message, as opened. */
export type Link = {
  id: string;
  tenantId: string;
  contactId: string;
  deliveryId: string | null;
  kind: LinkKind;
  target: string | null;
  createdAt: Date;
  expiresAt: Date;
};

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
  const { key, tag } = splitLinkId(id);
  const [message] = await db.select().from(links).where(eq(links.id, key));
  const entry = message?.entries.find((e) => e.tag === tag);
  if (!message || !entry || entry.kind !== kind) return { ok: false, problem: "invalid" };
  const expiresAt = new Date(entry.expiresAt);
  if (expiresAt <= now) return { ok: false, problem: "expired" };
  const { tenantId, contactId, deliveryId, createdAt } = message;
  const link = { id, tenantId, contactId, deliveryId, kind, target: entry.target, createdAt };
  return { ok: true, link: { ...link, expiresAt } };
}
