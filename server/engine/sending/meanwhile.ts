import type { Channel } from "@/db/schema/enums";
import { channelBlock, type SkipReason } from "../audience";
import type { ContactContext } from "../contact-context";
import type { EngineEventType } from "../ledger/events";

/** What was committed while an attempt was in flight, read under the contact's lock. */
export type Meanwhile = { cycleClosed: boolean; clicked: boolean };

export const NOTHING_MEANWHILE: Meanwhile = { cycleClosed: false, clicked: false };

/** Why a delivery whose attempt just failed must not be tried again, or null when it may. */
export type Stop = {
  reason: "activity" | "clicked" | SkipReason;
  type: Extract<EngineEventType, "canceled_reset" | "canceled_return" | "canceled_excluded">;
  text: string;
};

/**
 * SPEC §1.4: "a cancellation that races with a send in flight must not produce a send after the
 * cancellation is committed". A cancellation cannot stop a provider call already under way, so
 * the outcome of that call looks again: a return (activity), a click on the reminder, or the
 * channel no longer permitted (opt-out, do-not-contact) ends the delivery instead of a retry.
 */
export function stopAfterAttempt(
  contact: ContactContext,
  channel: Channel,
  meanwhile: Meanwhile,
): Stop | null {
  if (meanwhile.cycleClosed)
    return {
      reason: "activity",
      type: "canceled_reset",
      text: "the contact was active again while the attempt was in flight",
    };
  if (meanwhile.clicked)
    return {
      reason: "clicked",
      type: "canceled_return",
      text: "the contact returned through this reminder while the attempt was in flight",
    };
  const block = channelBlock(contact, channel, contact.settings.excludeDoNotContact);
  return block
    ? {
        reason: block,
        type: "canceled_excluded",
        text: `${channel} may no longer be used (${block}) since the attempt started`,
      }
    : null;
}
