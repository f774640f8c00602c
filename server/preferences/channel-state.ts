import { and, eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { contacts } from "@/db/schema";
import type { Channel } from "@/db/schema/enums";
import type { SubscriptionState } from "@/server/contacts/channel-states";
import { logEvents } from "@/server/engine/ledger/events";

export type ChannelChange = {
  tenantId: string;
  contactId: string;
  channel: Channel;
  state: SubscriptionState;
  /** Where the change came from, for the timeline: "the preference center", "an SMS STOP"… */
  source: string;
  now: Date;
};

/**
 * SPEC §1.5: each channel has its own opt-in state; changing one leaves the others as they are.
 * The contact is re-planned at `now` (a re-subscribed channel may have a reminder to catch up),
 * and sends already planned re-check the state right before the provider call. Returns false
 * when the contact is not in the tenant.
 */
export async function setChannelState(db: Db, change: ChannelChange): Promise<boolean> {
  const { tenantId, contactId, channel, state, now } = change;
  const updated = await db
    .update(contacts)
    .set({
      channels: sql`${contacts.channels} || ${JSON.stringify({ [channel]: state })}::jsonb`,
      nextCheckAt: now,
      updatedAt: now,
    })
    .where(and(eq(contacts.id, contactId), eq(contacts.tenantId, tenantId)))
    .returning({ id: contacts.id });
  if (updated.length === 0) return false;
  await logEvents(db, [
    {
      tenantId,
      contactId,
      type: "channel_changed",
      at: now,
      reason: `${verbs[state]} ${channel} through ${change.source}.`,
      data: { channel, state },
    },
  ]);
  return true;
}

const verbs: Record<SubscriptionState, string> = {
  subscribed: "Subscribed to",
  unsubscribed: "Unsubscribed from",
  unreachable: "Marked unreachable on",
};
