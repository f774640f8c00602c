import { and, eq, inArray, sql } from "drizzle-orm";
import type { z } from "zod";
import type { Db } from "@/db/client";
import { contacts, pushSubscriptions } from "@/db/schema";
import type { RowError } from "@/server/lib/batch";
import { setChannelState } from "@/server/preferences/channel-state";
import type { browserSubscription } from "./subscription-input";

type Subscription = z.infer<typeof browserSubscription>;

/**
 * Stores browsers' push subscriptions for contacts and turns web push on for them (the browser's
 * permission is the opt-in). A subscription moving to another contact (a shared device) follows
 * the newest registration.
 */
export async function registerPushSubscriptions(
  db: Db,
  tenantId: string,
  rows: { index: number; value: { externalId: string; subscription: Subscription } }[],
  now: Date,
): Promise<{ stored: number; errors: RowError[] }> {
  const known = rows.length
    ? await db
        .select({ id: contacts.id, externalId: contacts.externalId })
        .from(contacts)
        .where(
          and(
            eq(contacts.tenantId, tenantId),
            inArray(
              contacts.externalId,
              rows.map((r) => r.value.externalId),
            ),
          ),
        )
    : [];
  const idOf = new Map(known.map((c) => [c.externalId, c.id]));
  const errors: RowError[] = [];
  let stored = 0;
  for (const { index, value } of rows) {
    const contactId = idOf.get(value.externalId);
    if (!contactId) {
      errors.push({ index, field: "externalId", reason: "no contact has this external id" });
      continue;
    }
    await saveSubscription(db, { tenantId, contactId, subscription: value.subscription, now });
    stored++;
  }
  return { stored, errors };
}

export async function saveSubscription(
  db: Db,
  input: { tenantId: string; contactId: string; subscription: Subscription; now: Date },
): Promise<void> {
  const { tenantId, contactId, subscription, now } = input;
  const keys = { p256dh: subscription.keys.p256dh, auth: subscription.keys.auth };
  await db
    .insert(pushSubscriptions)
    .values({ tenantId, contactId, endpoint: subscription.endpoint, ...keys, createdAt: now })
    .onConflictDoUpdate({
      target: pushSubscriptions.endpoint,
      set: { tenantId, contactId, ...keys, createdAt: sql`excluded.created_at` },
    });
  await setChannelState(db, {
    tenantId,
    contactId,
    channel: "web_push",
    state: "subscribed",
    source: "a browser allowing notifications",
    now,
  });
}
