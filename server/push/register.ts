import { and, eq, inArray, sql } from "drizzle-orm";
import type { z } from "zod";
import type { Db } from "@/db/client";
import { contacts, pushSubscriptions } from "@/db/schema";
import type { RowError } from "@/server/lib/batch";
import { setChannelState } from "@/server/preferences/channel-state";
import type { browserSubscription } from "./subscription-input";
import { usesWebPush } from "./uses-web-push";

type Subscription = z.infer<typeof browserSubscription>;

const CHANNEL_OFF =
  "this workspace does not send web push: turn the channel on in its settings first";

/**
 * Stores browsers' push subscriptions for contacts and turns web push on for them (the browser's
 * permission is the opt-in), in a workspace that sends web push. A subscription moving to another
 * contact of the workspace (a shared device) follows the newest registration.
 */
export async function registerPushSubscriptions(
  db: Db,
  tenantId: string,
  rows: { index: number; value: { externalId: string; subscription: Subscription } }[],
  now: Date,
): Promise<{ stored: number; errors: RowError[] }> {
  if (rows.length && !(await usesWebPush(db, tenantId))) {
    return {
      stored: 0,
      errors: rows.map(({ index }) => ({ index, field: "subscription", reason: CHANNEL_OFF })),
    };
  }
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
    await storeSubscription(db, { tenantId, contactId, subscription: value.subscription, now });
    stored++;
  }
  return { stored, errors };
}

type Registration = { tenantId: string; contactId: string; subscription: Subscription; now: Date };

/** One contact's own registration (the preference center); false when the workspace has no web push. */
export async function saveSubscription(db: Db, registration: Registration): Promise<boolean> {
  if (!(await usesWebPush(db, registration.tenantId))) return false;
  await storeSubscription(db, registration);
  return true;
}

async function storeSubscription(db: Db, registration: Registration): Promise<void> {
  const { tenantId, contactId, subscription, now } = registration;
  const keys = { p256dh: subscription.keys.p256dh, auth: subscription.keys.auth };
  // The conflict target includes the workspace: a registration only ever updates its own rows.
  await db
    .insert(pushSubscriptions)
    .values({ tenantId, contactId, endpoint: subscription.endpoint, ...keys, createdAt: now })
    .onConflictDoUpdate({
      target: [pushSubscriptions.tenantId, pushSubscriptions.endpoint],
      set: { contactId, ...keys, createdAt: sql`excluded.created_at` },
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
