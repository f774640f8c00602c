import type { deliveries } from "@/db/schema";
import type { AttemptOutcome } from "@/db/schema/ledger";
import type { Channel } from "@/db/schema/enums";
import { ProviderError } from "../channels/provider";
import type { ContactContext } from "../contact-context";
import type { EngineEvent } from "../ledger/events";
import { retryAt, type FailureKind } from "../retry";
import type { Started } from "./check";
import { stopAfterAttempt, type Meanwhile } from "./meanwhile";

type Delivery = typeof deliveries.$inferSelect;

export type ProviderOutcome =
  | { ok: true; providerMessageId: string }
  | { ok: false; kind: FailureKind; errorClass: string; message: string };

/** What a provider call ended with; an error that is not a ProviderError counts as transient. */
export function providerOutcome(result: PromiseSettledResult<{ providerMessageId: string }>) {
  if (result.status === "fulfilled") {
    return { ok: true, providerMessageId: result.value.providerMessageId } as const;
  }
  const error = result.reason as Error;
  return {
    ok: false,
    kind: error instanceof ProviderError ? error.kind : "transient",
    errorClass: error instanceof ProviderError ? error.errorClass : "unexpected",
    message: error?.message ?? String(error),
  } as const;
}

export type Recorded = {
  contactId: string;
  attempt: {
    deliveryId: string;
    number: number;
    outcome: AttemptOutcome;
    errorClass: string | null;
    response: Record<string, unknown>;
  };
  delivery: Pick<
    Delivery,
    "id" | "status" | "reason" | "inFlightAttempt" | "nextAttemptAt" | "finishedAt"
  >;
  /** The tag a send adds (SPEC §1.5 `reactivation:<stage>`). */
  tag: string | null;
  /** A channel a permanent failure makes unreachable (SPEC §1.3). */
  unreachable: Channel | null;
  events: EngineEvent[];
};

/**
 * SPEC §1.3: a success is recorded as sent; a transient failure is retried at the policy's next
 * offset (moved out of quiet hours) until the offsets run out, unless a return, a click or an
 * opt-out was committed meanwhile (§1.4: the delivery is then canceled); a permanent failure is
 * never retried and makes the channel unreachable.
 */
export function recordOutcome(
  contact: ContactContext,
  started: { message: Pick<Started["message"], "deliveryId" | "channel" | "attempt" | "stage"> },
  outcome: ProviderOutcome,
  now: Date,
  meanwhile: Meanwhile,
): Recorded {
  const { deliveryId, channel, attempt, stage } = started.message;
  const ids = { tenantId: contact.tenantId, contactId: contact.id, deliveryId };
  const done = { id: deliveryId, inFlightAttempt: null, finishedAt: now, nextAttemptAt: null };
  const base = { deliveryId, number: attempt };
  const contactId = contact.id;
  if (outcome.ok) {
    return {
      contactId,
      attempt: {
        ...base,
        outcome: "sent",
        errorClass: null,
        response: { providerMessageId: outcome.providerMessageId },
      },
      delivery: { ...done, status: "sent", reason: null },
      tag: `reactivation:${stage}`,
      unreachable: null,
      events: [
        { ...ids, type: "sent", at: now, reason: `Sent on ${channel} (attempt ${attempt}).` },
      ],
    };
  }
  const { settings, zone } = contact;
  const attemptRow = {
    ...base,
    outcome: outcome.kind === "transient" ? "failed_transient" : "failed_permanent",
    errorClass: outcome.errorClass,
    response: { error: outcome.message },
  } as const;
  const failed: EngineEvent = {
    ...ids,
    type: "attempt_failed",
    at: now,
    reason: `Attempt ${attempt} on ${channel} failed (${outcome.kind}, ${outcome.errorClass}): ${outcome.message}`,
  };
  const retry =
    outcome.kind === "transient"
      ? retryAt(now, attempt, settings.retryOffsetsMinutes, settings.quietHours, zone)
      : null;
  const stop = retry && stopAfterAttempt(contact, channel, meanwhile);
  if (stop) {
    return {
      contactId,
      attempt: attemptRow,
      delivery: { ...done, status: "canceled", reason: stop.reason },
      tag: null,
      unreachable: null,
      events: [
        failed,
        { ...ids, type: stop.type, at: now, reason: `Not retried on ${channel}: ${stop.text}.` },
      ],
    };
  }
  if (retry) {
    return {
      contactId,
      attempt: attemptRow,
      delivery: {
        id: deliveryId,
        status: "pending",
        reason: outcome.errorClass,
        inFlightAttempt: null,
        nextAttemptAt: retry,
        finishedAt: null,
      },
      tag: null,
      unreachable: null,
      events: [
        failed,
        {
          ...ids,
          type: "retry_scheduled",
          at: now,
          reason: `Retry ${attempt} at ${retry.toISOString()}.`,
        },
      ],
    };
  }
  const why =
    outcome.kind === "permanent" ? "a permanent failure is never retried" : "no retries left";
  return {
    contactId,
    attempt: attemptRow,
    delivery: { ...done, status: "failed", reason: outcome.errorClass },
    tag: null,
    unreachable: outcome.kind === "permanent" ? channel : null,
    events: [failed, { ...ids, type: "failed", at: now, reason: `Gave up on ${channel}: ${why}.` }],
  };
}
