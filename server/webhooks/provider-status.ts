import { and, eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { attempts, deliveries, type WebhookSource } from "@/db/schema";
import type { Channel } from "@/db/schema/enums";
import type { SubscriptionState } from "@/server/contacts/channel-states";
import { deliveryRefs, logEvents } from "@/server/engine/ledger/events";
import { setChannelState } from "@/server/preferences/channel-state";
import { applyOnce, type Applied } from "./apply-once";

/** A provider's later word on a sent message, as its webhook tells it. */
export type ProviderStatus = {
  channel: Channel;
  providerMessageId: string;
  /** The provider's own word: delivered, bounced, complained, undelivered… */
  status: string;
  occurredAt: Date;
  /** What it means for the channel of this contact, when it means anything. */
  channelState: { state: SubscriptionState; because: string } | null;
};

/**
 * Logs a provider's status report on the contact's timeline and applies what it means for the
 * channel (SPEC §1.3, §1.5): a permanent bounce makes it unreachable, a complaint or a carrier's
 * opt-out unsubscribes it. Returns false when no attempt carries that provider message id.
 */
export async function recordProviderStatus(db: Db, report: ProviderStatus): Promise<boolean> {
  const [row] = await db
    .select({ delivery: deliveries })
    .from(attempts)
    .innerJoin(deliveries, eq(deliveries.id, attempts.deliveryId))
    .where(
      and(
        sql`${attempts.response}->>'providerMessageId' = ${report.providerMessageId}`,
        eq(deliveries.channel, report.channel),
      ),
    )
    .limit(1);
  if (!row) return false;
  const { delivery } = row;
  const meaning = report.channelState ? ` (${report.channelState.because})` : "";
  await logEvents(db, [
    {
      ...deliveryRefs(delivery),
      type: "provider_status",
      at: report.occurredAt,
      reason: `The ${report.channel} provider reports: ${report.status.replaceAll("_", " ")}${meaning}.`,
      data: { status: report.status },
    },
  ]);
  if (report.channelState)
    await setChannelState(db, {
      tenantId: delivery.tenantId,
      contactId: delivery.contactId,
      channel: report.channel,
      state: report.channelState.state,
      source: report.channelState.because,
      now: report.occurredAt,
    });
  return true;
}

/**
 * `recordProviderStatus` once per message and status: a replayed report changes nothing, while a
 * later status of the same message (sent, then bounced) still applies.
 */
export function recordProviderStatusOnce(
  db: Db,
  source: WebhookSource,
  report: ProviderStatus,
  receivedAt: Date,
): Promise<Applied<boolean>> {
  const key = `${report.providerMessageId}/${report.status}`;
  return applyOnce(db, { source, key, receivedAt }, (tx) => recordProviderStatus(tx, report));
}
