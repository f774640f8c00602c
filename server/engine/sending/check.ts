import type { deliveries } from "@/db/schema";
import type { StoredContent } from "@/server/content/message";
import { channelBlock, type SkipReason } from "../audience";
import type { OutgoingMessage } from "../channels/provider";
import { addressOn, type ContactContext } from "../contact-context";
import { deliveryRefs, type EngineEvent } from "../ledger/events";
import { removedBySettings } from "../planning/settings-change";
import { outOfQuietHours } from "../quiet-hours";
import { describeLocal } from "../time";

type Delivery = typeof deliveries.$inferSelect;

/** A claimed delivery with what the check needs: its stage and its cycle's state. */
export type ClaimedRow = {
  delivery: Delivery;
  stage: string;
  cycleClosed: boolean;
  /** The cycle is in the holdout group (SPEC §1.8). */
  heldOut: boolean;
};

/** An attempt that may go to the provider once it has its content. */
export type Starting = {
  message: Omit<OutgoingMessage, "content">;
  idempotencyKey: string;
  /** What the first attempt sent: a retry sends exactly that again. Null before it. */
  content: StoredContent | null;
};

/** An attempt going to the provider. */
export type Started = { message: OutgoingMessage; idempotencyKey: string };

export type Check = {
  /** The delivery as it must be stored before any provider call. */
  delivery: Delivery;
  events: EngineEvent[];
  started: Starting | null;
};

/**
 * SPEC §1.3–1.5, right before the provider call and under the contact's lock: a delivery of a
 * module no longer active waits; one whose cycle has closed is canceled, one whose channel may no
 * longer be used is skipped, any other starts its next attempt; one whose stage or channel the
 * settings no longer have is canceled, and one inside the quiet hours now in force waits for their
 * end; one of a held-out cycle is recorded `held_out` at the instant it would have gone out. A
 * claim taken over after a crash repeats the same attempt, with the same idempotency key, so the
 * provider delivers once.
 */
export function checkBeforeSend(contact: ContactContext, row: ClaimedRow, now: Date): Check {
  const { delivery } = row;
  const ids = deliveryRefs(delivery);
  const stopped = (status: "canceled" | "skipped" | "held_out", reason: string) => ({
    status,
    reason,
    nextAttemptAt: null,
    finishedAt: now,
  });
  const stop = (status: "canceled" | "skipped", reason: string, event: EngineEvent): Check => ({
    delivery: { ...delivery, ...stopped(status, reason) },
    events: [event],
    started: null,
  });
  if (contact.moduleState !== "active" && delivery.inFlightAttempt === null) {
    // Paused or deactivated between the claim and the send (SPEC §1.9): it waits, unchanged, and
    // the dispatcher takes it again once the module is active.
    return {
      delivery: { ...delivery, status: "pending", nextAttemptAt: now },
      events: [],
      started: null,
    };
  }
  if (row.cycleClosed) {
    return stop("canceled", "activity", {
      ...ids,
      type: "canceled_reset",
      at: now,
      reason: "The contact returned before this was sent.",
    });
  }
  const removed = removedBySettings(contact.settings, row.stage, delivery.channel);
  if (removed) {
    return stop("canceled", "settings_changed", {
      ...ids,
      type: "canceled_settings",
      at: now,
      reason: `Checked before sending on ${delivery.channel}: ${removed}.`,
    });
  }
  const recipient = addressOn(contact, delivery.channel);
  const block: SkipReason | null =
    channelBlock(contact, delivery.channel, contact.settings.excludeDoNotContact) ??
    (recipient ? null : "unreachable");
  if (block) {
    return stop("skipped", block, {
      ...ids,
      type: "skipped",
      at: now,
      reason: `Checked before sending on ${delivery.channel}: ${block}.`,
    });
  }
  // Settings in force now (SPEC §1.9): quiet hours changed since this was planned, or a worker
  // late after downtime. A claim taken over after a crash repeats its attempt at once instead.
  const resume = outOfQuietHours(now, contact.settings.quietHours, contact.zone);
  if (resume > now && delivery.inFlightAttempt === null) {
    const { start, end } = contact.settings.quietHours;
    return {
      delivery: { ...delivery, status: "pending", nextAttemptAt: resume },
      events: [
        {
          ...ids,
          type: "deferred_quiet_hours",
          at: now,
          reason: `${describeLocal(now, contact.zone)} is inside quiet hours ${start}–${end}; moved to ${describeLocal(resume, contact.zone)}.`,
        },
      ],
      started: null,
    };
  }
  if (row.heldOut && delivery.inFlightAttempt === null) {
    // It would go out now: this instant is its would-be send. Recorded as its first attempt, so
    // the cap, the recurring count and superseding treat the cycle as they treat a sent one.
    return {
      delivery: { ...delivery, ...stopped("held_out", "holdout"), firstAttemptAt: now },
      events: [
        {
          ...ids,
          type: "held_out",
          at: now,
          reason: `Held out (holdout group): not sent on ${delivery.channel}, so the dashboard can measure what the reminders add.`,
        },
      ],
      started: null,
    };
  }
  const attempt = delivery.inFlightAttempt ?? delivery.attemptCount + 1;
  const message: Starting["message"] = {
    tenantId: delivery.tenantId,
    contactId: contact.id,
    deliveryId: delivery.id,
    channel: delivery.channel,
    stage: row.stage,
    attempt,
    recipient: recipient!,
  };
  return {
    delivery: {
      ...delivery,
      inFlightAttempt: attempt,
      attemptCount: attempt,
      firstAttemptAt: delivery.firstAttemptAt ?? now,
    },
    events: [],
    started: {
      message,
      idempotencyKey: `delivery:${delivery.id}:attempt:${attempt}`,
      content: delivery.content,
    },
  };
}
