import type { Db } from "@/db/client";
import type { Channel } from "@/db/schema/enums";
import type { SubscriptionState } from "@/server/contacts/channel-states";
import { addressOn, loadContact } from "@/server/engine/contact-context";

export const channelLabels: Record<Channel, string> = {
  email: "Email",
  sms: "Text messages (SMS)",
  web_push: "Browser notifications",
  zalo: "Zalo",
};

/** Shows the address a channel uses without giving all of it away to whoever holds the link. */
function masked(channel: Channel, address: string): string {
  if (channel === "email") return address.replace(/^(.).*(@.*)$/, "$1•••$2");
  if (channel === "sms") return `•••${address.slice(-3)}`;
  return channel === "web_push" ? "this browser and others you allowed" : "your Zalo account";
}

/**
 * What the preference center shows a contact: each channel the business uses and the contact
 * can be reached on, with its state. Scoped to the token's tenant: a contact of another tenant is
 * not found.
 */
export async function preferencesOf(db: Db, tenantId: string, contactId: string) {
  const contact = await loadContact(db, tenantId, contactId);
  if (!contact) return null;
  const channels = contact.settings.channels.flatMap((channel) => {
    const address = addressOn(contact, channel);
    if (!address) return [];
    const state: SubscriptionState = contact.channels[channel] ?? "unsubscribed";
    return [{ channel, label: channelLabels[channel], state, address: masked(channel, address) }];
  });
  const offersPush = contact.settings.channels.includes("web_push");
  return { business: contact.tenant.sender.name, name: contact.name, channels, offersPush };
}
