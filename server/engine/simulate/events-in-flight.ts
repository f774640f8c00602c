import { and, eq, inArray, ne } from "drizzle-orm";
import type { Db } from "@/db/client";
import { deliveries } from "@/db/schema";
import type { OutgoingMessage, ChannelProvider } from "../channels/provider";
import { recordClicks } from "../steps/record-click";
import { applyEvents, type ContactEvent } from "./apply-event";

type ScenarioEvent = ContactEvent["event"];

/** Provider calls that take time, during which the contact's own events arrive. */
export type InFlight = {
  /** How long each provider call stays in flight, in scenario minutes. */
  minutes: number;
  /** Told of each event that arrived during a call, and the instant it was applied at. */
  onEarly?: (event: ScenarioEvent, at: Date) => void;
  /**
   * What else the contact does during a call (property tests): opens the link of a message of
   * the same reminder it already got on another channel, returns, or opts out of the channel.
   */
  races?: (call: Pick<OutgoingMessage, "channel" | "stage" | "attempt">) => Race | null;
};

export type Race = "click" | "activity" | "unsubscribe";

/**
 * A provider whose calls are in flight for `minutes`: the contact's next events due within that
 * time arrive during the call — committed, in order, at the call's instant, before its outcome is
 * recorded — so clicks, activities and opt-outs race with attempts as they do in production.
 * `queueOf` is the contact's queue of future events (consumed), `at` the contact's instant.
 */
export function withEventsInFlight(
  db: Db,
  provider: ChannelProvider,
  inFlight: InFlight,
  queueOf: (contactId: string) => ContactEvent[] | undefined,
  at: (contactId: string) => Date,
): ChannelProvider {
  // Calls run concurrently; the events they bring are applied one at a time.
  let applying = Promise.resolve();
  return {
    async send(message, options) {
      const now = at(message.contactId);
      const arriving = take(queueOf(message.contactId), now.getTime() + inFlight.minutes * 60_000);
      const race = inFlight.races?.(message) ?? null;
      applying = applying.then(async () => {
        for (const e of arriving) {
          inFlight.onEarly?.(e.event, now);
          await applyEvents(db, [{ ...e, event: { ...e.event, at: now.toISOString() } }]);
        }
        if (race) await raceWith(db, message, race, now);
      });
      await applying;
      return provider.send(message, options);
    },
  };
}

/** Removes and returns the queue's events due before `until` (the queue is sorted by time). */
function take(queue: ContactEvent[] | undefined, until: number): ContactEvent[] {
  const taken: ContactEvent[] = [];
  while (queue?.length && Date.parse(queue[0]!.event.at) < until) taken.push(queue.shift()!);
  return taken;
}

/** The contact does `race` at `now`, while the call for `message` is in flight. */
async function raceWith(db: Db, message: OutgoingMessage, race: Race, now: Date): Promise<void> {
  const at = now.toISOString();
  const contactId = message.contactId;
  const contact = "the race";
  if (race === "activity")
    return applyEvents(db, [{ contactId, event: { type: "activity", at, contact } }]);
  if (race === "unsubscribe")
    return applyEvents(db, [
      { contactId, event: { type: "unsubscribe", at, contact, channel: message.channel } },
    ]);
  const [{ reminderId } = { reminderId: null }] = await db
    .select({ reminderId: deliveries.reminderId })
    .from(deliveries)
    .where(eq(deliveries.id, message.deliveryId));
  if (!reminderId) return;
  // Sent, or going out in the same batch (its push may reach the phone before this call ends).
  const delivered = await db
    .select({ id: deliveries.id })
    .from(deliveries)
    .where(
      and(
        eq(deliveries.reminderId, reminderId),
        inArray(deliveries.status, ["sent", "sending"]),
        ne(deliveries.id, message.deliveryId),
      ),
    );
  await recordClicks(
    db,
    delivered.slice(0, 1).map((d) => ({ deliveryId: d.id, at: now })),
  );
}
