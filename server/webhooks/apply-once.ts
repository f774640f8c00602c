import type { Db } from "@/db/client";
import { webhookReceipts, type WebhookSource } from "@/db/schema";

export type Receipt = { source: WebhookSource; key: string; receivedAt: Date };

export type Applied<T> = { applied: true; value: T } | { applied: false };

/**
 * Applies a provider event at most once. The receipt and the event's effects commit in one
 * transaction: a replay finds the receipt and changes nothing, a crash leaves neither. Two copies
 * arriving together serialise on the receipt's key; the second finds it taken.
 */
export async function applyOnce<T>(
  db: Db,
  receipt: Receipt,
  apply: (tx: Db) => Promise<T>,
): Promise<Applied<T>> {
  return db.transaction(async (tx) => {
    const [taken] = await tx
      .insert(webhookReceipts)
      .values(receipt)
      .onConflictDoNothing()
      .returning({ key: webhookReceipts.key });
    return taken ? { applied: true as const, value: await apply(tx) } : { applied: false as const };
  });
}
