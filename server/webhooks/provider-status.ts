import { and, eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { attempts, deliveries } from "@/db/schema";
import { deliveryRefs, logEvents } from "@/server/engine/ledger/events";
import { setChannelState } from "@/server/preferences/channel-state";
import type { ResendDeliveryEvent } from "./resend-signature";

/**
 * A provider's later word on a sent email (Resend webhooks): logged on the contact's timeline; a
 * permanent bounce makes email unreachable and a complaint unsubscribes it (SPEC §1.3, §1.5).
 * Returns false when no attempt carries that provider message id.
 */
export async function recordEmailStatus(db: Db, event: ResendDeliveryEvent): Promise<boolean> {
  const [row] = await db
    .select({ delivery: deliveries })
    .from(attempts)
    .innerJoin(deliveries, eq(deliveries.id, attempts.deliveryId))
    .where(
      and(
        sql`${attempts.response}->>'providerMessageId' = ${event.providerMessageId}`,
        eq(deliveries.channel, "email"),
      ),
    )
    .limit(1);
  if (!row) return false;
  const { delivery } = row;
  const ids = deliveryRefs(delivery);
  const permanentBounce = event.status === "bounced" && event.permanent;
  await logEvents(db, [
    {
      ...ids,
      type: "provider_status",
      at: event.occurredAt,
      reason: `The email provider reports: ${event.status.replace("_", " ")}${permanentBounce ? " (permanent)" : ""}.`,
      data: { status: event.status },
    },
  ]);
  if (permanentBounce || event.status === "complained")
    await setChannelState(db, {
      tenantId: delivery.tenantId,
      contactId: delivery.contactId,
      channel: "email",
      state: permanentBounce ? "unreachable" : "unsubscribed",
      source: permanentBounce ? "a permanent bounce" : "a spam complaint",
      now: event.occurredAt,
    });
  return true;
}
