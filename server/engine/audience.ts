import type { Channel } from "@/db/schema/enums";
import type { ChannelStates } from "@/server/contacts/channel-states";

export const DO_NOT_CONTACT = "do-not-contact";

export type SkipReason = "do_not_contact" | "opted_out" | "unreachable";

type Audience = { tags: string[]; channels: ChannelStates };

/** SPEC §1.5: contacts tagged `do-not-contact` are excluded when the tenant says so (default on). */
export function isDoNotContact(contact: Audience, excludeDoNotContact: boolean): boolean {
  return excludeDoNotContact && contact.tags.includes(DO_NOT_CONTACT);
}

/**
 * SPEC §1.5: "Each channel has its own opt-in state. Unsubscribing from email stops email only."
 * A channel absent from the contact's map, or marked unreachable after a permanent failure, is
 * not reachable. Returns why the channel may not be used, or null when it may.
 */
export function channelBlock(
  contact: Audience,
  channel: Channel,
  excludeDoNotContact: boolean,
): SkipReason | null {
  if (isDoNotContact(contact, excludeDoNotContact)) return "do_not_contact";
  const state = contact.channels[channel];
  if (state === "subscribed") return null;
  return state === "unsubscribed" ? "opted_out" : "unreachable";
}
