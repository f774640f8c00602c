import { and, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { deliveries } from "@/db/schema";
import { recordClick } from "@/server/engine/steps/record-click";
import type { LinkClaims } from "./tokens";

/**
 * A tracked link was opened: records the click (SPEC §1.4: it cancels the reminder's pending
 * sends on the other channels) and answers where it leads, from the message as it was sent.
 * Null when the delivery is gone or never had that link.
 */
export async function followLink(
  db: Db,
  claims: Extract<LinkClaims, { k: "r" }>,
  now: Date,
): Promise<string | null> {
  const [row] = await db
    .select({ content: deliveries.content })
    .from(deliveries)
    .where(and(eq(deliveries.id, claims.d), eq(deliveries.tenantId, claims.t)));
  const target = row?.content?.links[claims.l];
  if (!target) return null;
  await recordClick(db, claims.d, now);
  return target;
}
