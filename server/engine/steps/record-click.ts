import type { Db } from "@/db/client";
import { anyOf } from "@/db/bulk";
import { deliveries } from "@/db/schema";
import { loadContacts } from "../contact-context";
import { logEvents } from "../ledger/events";
import { cancelPending } from "./cancel";

type Click = { deliveryId: string; at: Date };

/**
 * SPEC §1.4: a contact who opens a reminder's link has returned through it: every pending send
 * and retry of that reminder is canceled on every channel. A click is not an activity: the last
 * activity, the cycle and later stages stay as they are. False when the delivery does not exist.
 */
export async function recordClick(db: Db, deliveryId: string, now: Date): Promise<boolean> {
  return (await recordClicks(db, [{ deliveryId, at: now }])).has(deliveryId);
}

/** Records many clicks (see `recordClick`), each at its own instant; returns the ones recorded. */
export async function recordClicks(db: Db, list: Click[]): Promise<Set<string>> {
  if (list.length === 0) return new Set();
  const atOf = new Map(list.map((c) => [c.deliveryId, c.at]));
  return db.transaction(async (tx) => {
    const clicked = await tx
      .select()
      .from(deliveries)
      .where(anyOf(deliveries.id, [...atOf.keys()]));
    const locked = new Set(
      (await loadContacts(tx, { ids: [...new Set(clicked.map((d) => d.contactId))] }, true)).map(
        (c) => c.id,
      ),
    );
    const recorded = clicked.filter((d) => locked.has(d.contactId));
    await logEvents(
      tx,
      recorded.map((d) => ({
        tenantId: d.tenantId,
        contactId: d.contactId,
        reminderId: d.reminderId,
        deliveryId: d.id,
        type: "clicked" as const,
        at: atOf.get(d.id)!,
        reason: `Opened the link of the ${d.channel} message.`,
      })),
    );
    await cancelPending(
      tx,
      recorded.map((d) => ({ reminderId: d.reminderId, at: atOf.get(d.id)! })),
      { type: "canceled_return", reason: "the contact returned through this reminder." },
    );
    return new Set(recorded.map((d) => d.id));
  });
}
