import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { deliveries } from "@/db/schema";
import { loadContact } from "../contact-context";
import { logEvents } from "../ledger/events";
import { cancelPending } from "./cancel";

/**
 * SPEC §1.4: a contact who opens a reminder's link has returned through it: every pending send
 * and retry of that reminder is canceled on every channel. A click is not an activity: the last
 * activity, the cycle and later stages stay as they are.
 */
export async function recordClick(db: Db, deliveryId: string, now: Date): Promise<boolean> {
  return db.transaction(async (tx) => {
    const [clicked] = await tx.select().from(deliveries).where(eq(deliveries.id, deliveryId));
    if (!clicked || !(await loadContact(tx, clicked.contactId, true))) return false;
    await logEvents(tx, [
      {
        tenantId: clicked.tenantId,
        contactId: clicked.contactId,
        reminderId: clicked.reminderId,
        deliveryId,
        type: "clicked",
        at: now,
        reason: `Opened the link of the ${clicked.channel} message.`,
      },
    ]);
    await cancelPending(tx, [clicked.reminderId], {
      type: "canceled_return",
      reason: "the contact returned through this reminder.",
      now,
    });
    return true;
  });
}
