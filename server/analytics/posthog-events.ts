import { z } from "zod";
import { channelNames } from "@/db/schema/channel-names";

/**
 * One ledger event with what its analytics event says about it, read by `readLedgerPage`. Only
 * identifiers, keys and amounts: nothing here can name or reach a contact.
 */
export type LedgerFact = {
  /** The ledger event's id: PostHog's event uuid, so an event sent twice is counted once. */
  id: string;
  seq: number;
  type: string;
  tenantId: string;
  contactId: string;
  cycleId: string | null;
  at: Date;
  data: Record<string, unknown>;
  /** A sandbox (demo) workspace: its contacts and history are made up. */
  sandbox: boolean;
  /** The delivery the event is about (sent, clicked, the reminder a reactivation is owed to). */
  delivery: {
    id: string;
    reminderId: string;
    cycleId: string;
    /** The stage key, or `recurring`. */
    stage: string;
    sequence: number;
    channel: string;
    /** The variant's template id, or `fallback` (the built-in message). */
    variantId: string | null;
    attempts: number;
  } | null;
  /** Revenue of the activity at the contact's return, per currency (minor units). */
  revenue: { currency: string; revenueMinor: number }[];
};

/** What posthog-node's `capture` takes, without depending on it here. */
export type AnalyticsEvent = {
  distinctId: string;
  event: string;
  properties: Record<string, string | number | boolean>;
  groups: { workspace: string };
  timestamp: Date;
  uuid: string;
};

export const analyticsEventNames = {
  sent: "reminder_sent",
  clicked: "reminder_clicked",
  reactivated: "contact_reactivated",
  unsubscribed: "channel_unsubscribed",
} as const;

const channelChange = z.object({ channel: z.enum(channelNames), state: z.string() });

/**
 * The product-analytics event of a ledger event, or null when it has none: reminder sent,
 * reminder clicked, contact reactivated (with the return's revenue when it had one in a single
 * currency) and channel unsubscribed. The contact's id is the distinct id and its workspace the
 * group; sandbox workspaces send nothing.
 */
export function toAnalyticsEvent(fact: LedgerFact): AnalyticsEvent | null {
  if (fact.sandbox) return null;
  const base = {
    distinctId: fact.contactId,
    groups: { workspace: fact.tenantId },
    timestamp: fact.at,
    uuid: fact.id,
  };
  switch (fact.type) {
    case "sent":
      return ofDelivery(fact, analyticsEventNames.sent, base, { attempts: true });
    case "clicked":
      return ofDelivery(fact, analyticsEventNames.clicked, base);
    case "reactivated": {
      const event = ofDelivery(fact, analyticsEventNames.reactivated, base);
      return event && { ...event, properties: { ...event.properties, ...revenueOf(fact) } };
    }
    case "channel_changed": {
      const change = channelChange.safeParse(fact.data);
      if (!change.success || change.data.state !== "unsubscribed") return null;
      const properties = { workspaceId: fact.tenantId, channel: change.data.channel };
      return { ...base, event: analyticsEventNames.unsubscribed, properties };
    }
    default:
      return null;
  }
}

function ofDelivery(
  fact: LedgerFact,
  event: string,
  base: Omit<AnalyticsEvent, "event" | "properties">,
  options: { attempts?: boolean } = {},
): AnalyticsEvent | null {
  const d = fact.delivery;
  // Every sent, clicked and reactivated event names its delivery; a ledger without it is not ours.
  if (!d) return null;
  const properties: AnalyticsEvent["properties"] = {
    workspaceId: fact.tenantId,
    cycleId: fact.cycleId ?? d.cycleId,
    reminderId: d.reminderId,
    deliveryId: d.id,
    stage: d.stage,
    sequence: d.sequence,
    channel: d.channel,
    ...(d.variantId && { variantId: d.variantId }),
    ...(options.attempts && { attempts: d.attempts }),
  };
  return { ...base, event, properties };
}

/**
 * The return's revenue as `revenueMinor` + `currency`. Amounts in several currencies cannot be
 * one number: then each currency is its own `revenueMinor:<CODE>` property.
 */
function revenueOf(fact: LedgerFact): AnalyticsEvent["properties"] {
  const paid = fact.revenue.filter((r) => r.revenueMinor > 0);
  if (paid.length === 0) return {};
  if (paid.length === 1)
    return { revenueMinor: paid[0]!.revenueMinor, currency: paid[0]!.currency };
  return Object.fromEntries(paid.map((r) => [`revenueMinor:${r.currency}`, r.revenueMinor]));
}
