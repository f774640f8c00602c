import { sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import { contacts } from "@/db/schema";
import { channel } from "@/db/schema/enums";
import { subscriptionState } from "./channel-states";

/** One channel in one state: `{ channel: "sms", state: "unsubscribed" }`. */
export const channelStateFilter = z.object({
  channel: z.enum(channel.enumValues),
  state: subscriptionState,
});
export type ChannelStateFilter = z.infer<typeof channelStateFilter>;

/**
 * Contacts in `state` on `channel`. A channel absent from a contact's map is not reachable
 * (SPEC §1.5), so it counts as `unreachable`, as the engine treats it.
 */
export function inChannelState({ channel, state }: ChannelStateFilter): SQL {
  const stored = sql`${contacts.channels} ->> ${channel}::text`;
  return state === "unreachable"
    ? sql`coalesce(${stored}, 'unreachable') = 'unreachable'`
    : sql`${stored} = ${state}::text`;
}
