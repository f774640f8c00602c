import { z } from "zod";
import { channel } from "@/db/schema/enums";

/** A contact's state on one channel. A channel absent from the map is not reachable. */
export const subscriptionState = z.enum(["subscribed", "unsubscribed", "unreachable"]);
export type SubscriptionState = z.infer<typeof subscriptionState>;

export const channelStatesSchema = z.partialRecord(z.enum(channel.enumValues), subscriptionState);
export type ChannelStates = z.infer<typeof channelStatesSchema>;
