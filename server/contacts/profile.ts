import { and, asc, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { contacts, pushSubscriptions } from "@/db/schema";
import type { Channel } from "@/db/schema/enums";
import type { SubscriptionState } from "./channel-states";
import { maskEmail, maskId, maskPhone } from "./mask";

export type ContactChannel = {
  channel: Channel;
  /** null: the contact has no state on this channel, which the engine treats as unreachable. */
  state: SubscriptionState | null;
  /** The address on the channel, masked; null when the contact has none there. */
  address: string | null;
};

/**
 * What the contact's page shows about the contact besides its decisions: its channels (the
 * workspace's, then any other the contact has a state on) with masked addresses, its tags and
 * locale. Null when the tenant has no such contact.
 */
export async function contactProfile(
  db: Db,
  tenantId: string,
  contactId: string,
  workspaceChannels: readonly Channel[],
) {
  const [[contact], browsers] = await Promise.all([
    db
      .select({
        email: contacts.email,
        phone: contacts.phone,
        zaloUserId: contacts.zaloUserId,
        locale: contacts.locale,
        tags: contacts.tags,
        channels: contacts.channels,
      })
      .from(contacts)
      .where(and(eq(contacts.id, contactId), eq(contacts.tenantId, tenantId))),
    db
      .select({ endpoint: pushSubscriptions.endpoint })
      .from(pushSubscriptions)
      .where(
        and(eq(pushSubscriptions.contactId, contactId), eq(pushSubscriptions.tenantId, tenantId)),
      )
      .orderBy(asc(pushSubscriptions.createdAt)),
  ]);
  if (!contact) return null;
  const address: Record<Channel, string | null> = {
    email: contact.email ? maskEmail(contact.email) : null,
    sms: contact.phone ? maskPhone(contact.phone) : null,
    zalo: contact.zaloUserId ? maskId(contact.zaloUserId) : null,
    web_push: browsersLabel(browsers.map((b) => b.endpoint)),
  };
  const stored = Object.keys(contact.channels) as Channel[];
  const channels = [...new Set([...workspaceChannels, ...stored])].map(
    (channel): ContactChannel => ({
      channel,
      state: contact.channels[channel] ?? null,
      address: address[channel],
    }),
  );
  return { locale: contact.locale, tags: contact.tags, channels };
}

/** "2 browsers, through fcm.googleapis.com": a push endpoint names only its push service. */
function browsersLabel(endpoints: string[]): string | null {
  if (endpoints.length === 0) return null;
  const hosts = [
    ...new Set(
      endpoints.map((e) => {
        try {
          return new URL(e).host;
        } catch {
          return "an unknown push service";
        }
      }),
    ),
  ];
  const count = endpoints.length === 1 ? "1 browser" : `${endpoints.length} browsers`;
  return `${count}, through ${hosts.join(", ")}`;
}
