import type { Db } from "@/db/client";
import type { deliveries } from "@/db/schema";
import { composeMessages, type Composed } from "@/server/content/compose";
import type { MessageLinks } from "@/server/links/message-links";
import type { ContactContext } from "../contact-context";
import { deliveryRefs, type EngineEvent } from "../ledger/events";
import type { StepTime } from "../step-time";
import type { Check, Started } from "./check";

type Delivery = typeof deliveries.$inferSelect;

/** A check whose attempt, if any, has its message; `delivery` is what must be stored. */
export type ReadyCheck = { delivery: Delivery; events: EngineEvent[]; started: Started | null };

/**
 * Gives each starting attempt its message (SPEC §1.6): a retry or a retaken claim sends exactly
 * what the first attempt stored; a first attempt gets a composed message, stored on the delivery
 * with a `content_chosen` event, or, when a compliance guard fails, is not sent at all.
 */
export async function attachContent(
  db: Db,
  list: { check: Check; before: Delivery; contact: ContactContext }[],
  at: StepTime,
  links: MessageLinks,
): Promise<ReadyCheck[]> {
  const fresh = list.filter(({ check }) => check.started && !check.started.content);
  const composed = await composeMessages(
    db,
    fresh.map(({ check, contact }) => ({
      contact,
      deliveryId: check.delivery.id,
      reminderId: check.delivery.reminderId,
      stage: check.started!.message.stage,
      channel: check.delivery.channel,
      now: at(contact.id),
    })),
    links,
  );
  return list.map(({ check, before, contact }) => {
    const { started } = check;
    if (!started) return { ...check, started: null };
    if (started.content) {
      return {
        ...check,
        started: { ...started, message: { ...started.message, content: started.content.message } },
      };
    }
    return withComposed(check, before, composed.get(check.delivery.id)!, at(contact.id));
  });
}

function withComposed(check: Check, before: Delivery, composed: Composed, now: Date): ReadyCheck {
  const { delivery, events, started } = check;
  const ids = deliveryRefs(delivery);
  if (!composed.ok) {
    const { guard, reason } = composed.failure;
    return {
      delivery: {
        ...before,
        status: "failed",
        reason: `guard:${guard}`,
        nextAttemptAt: null,
        finishedAt: now,
      },
      events: [
        ...events,
        {
          ...ids,
          type: "guard_failed",
          at: now,
          reason: `Not sent on ${delivery.channel}: ${reason} (compliance guard).`,
          data: { guard },
        },
      ],
      started: null,
    };
  }
  const { content } = composed;
  return {
    delivery: { ...delivery, content, variant: content.variant },
    events: [
      ...events,
      {
        ...ids,
        type: "content_chosen",
        at: now,
        reason: composed.reason,
        data: {
          revisionId: content.revisionId,
          variant: content.variant,
          ctaKind: content.ctaKind,
          recommendations: content.recommendations,
        },
      },
    ],
    started: {
      message: { ...started!.message, content: content.message },
      idempotencyKey: started!.idempotencyKey,
    },
  };
}
