import { and, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { deliveries } from "@/db/schema";
import { logEvents } from "@/server/engine/ledger/events";
import { recordClick } from "@/server/engine/steps/record-click";
import { resolveLink, type LinkProblem } from "./resolve-link";

/**
 * A tracked link was opened (SPEC §1.10). By the contact: the click is recorded (SPEC §1.4: it
 * cancels the reminder's pending sends on the other channels). By a link scanner (`scanner` says
 * which): answered all the same, but only logged as `link_scanned`, which cancels nothing.
 * Either way it answers where the link leads.
 */
export async function followLink(
  db: Db,
  id: string,
  now: Date,
  scanner: string | null,
): Promise<{ ok: true; target: string } | { ok: false; problem: LinkProblem | "gone" }> {
  const resolved = await resolveLink(db, id, "tracked", now);
  if (!resolved.ok) return resolved;
  const { link } = resolved;
  const [delivery] = link.deliveryId
    ? await db
        .select({
          id: deliveries.id,
          reminderId: deliveries.reminderId,
          channel: deliveries.channel,
        })
        .from(deliveries)
        .where(and(eq(deliveries.id, link.deliveryId), eq(deliveries.tenantId, link.tenantId)))
    : [];
  if (!delivery || !link.target) return { ok: false, problem: "gone" };
  if (scanner)
    await logEvents(db, [
      {
        tenantId: link.tenantId,
        contactId: link.contactId,
        reminderId: delivery.reminderId,
        deliveryId: delivery.id,
        type: "link_scanned",
        at: now,
        reason: `The link of the ${delivery.channel} message was opened by ${scanner}: not a click, nothing canceled.`,
        data: { scanner },
      },
    ]);
  else await recordClick(db, delivery.id, now);
  return { ok: true, target: link.target };
}
