import type { Db } from "@/db/client";
import type { Channel } from "@/db/schema/enums";
import { recordAudit, type Actor } from "@/server/audit/record";
import { setChannelState } from "@/server/preferences/channel-state";
import { contactLabel, lockContactForAction } from "./owner-action-target";

const channelWords: Record<Channel, string> = {
  email: "email",
  sms: "SMS",
  web_push: "web push",
  zalo: "Zalo",
};

export type ChannelOff = {
  tenantId: string;
  contactId: string;
  channel: Channel;
  actor: Actor;
  now: Date;
};

/**
 * An owner turns one of a contact's channels off (SPEC §1.5: the other channels stay as they
 * are): the channel becomes `unsubscribed` through `setChannelState`, the path the preference
 * center and SMS STOP take (the timeline logs it, the engine plans the contact again, planned
 * sends re-check it), and the audit log says who did it, in one transaction. Owners can turn a
 * channel off, never on: only the contact opts in again. Returns null when the tenant has no such
 * contact; `changed: false` when the channel was already off.
 */
export async function turnChannelOff(
  db: Db,
  change: ChannelOff,
): Promise<{ changed: boolean } | null> {
  const { tenantId, contactId, channel, actor, now } = change;
  return db.transaction(async (tx) => {
    const contact = await lockContactForAction(tx, tenantId, contactId);
    if (!contact) return null;
    const before = contact.channels[channel] ?? null;
    if (before === "unsubscribed") return { changed: false };
    await setChannelState(tx, {
      tenantId,
      contactId,
      channel,
      state: "unsubscribed",
      source: "the owner",
      now,
    });
    await recordAudit(tx, {
      tenantId,
      actor,
      kind: "contact",
      summary: `Turned off ${channelWords[channel]} for ${contactLabel(contact)}`,
      data: {
        contactId,
        externalId: contact.externalId,
        name: contact.name,
        action: "channel_off",
        channel,
        before,
        after: "unsubscribed",
      },
      at: now,
    });
    return { changed: true };
  });
}
