import { and, eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { attempts, contacts, cycles, deliveries, reminders } from "@/db/schema";
import { channelBlock, type SkipReason } from "../audience";
import { ProviderError, type ChannelProvider, type OutgoingMessage } from "../channels/provider";
import { fallbackContent } from "../channels/fallback-content";
import { addressOn, loadContact } from "../contact-context";
import { logEvents } from "../ledger/events";
import { retryAt } from "../retry";
import type { FailureKind } from "../retry";

type Started = { message: OutgoingMessage; attempt: number; idempotencyKey: string; stage: string };
type Outcome =
  | { ok: true; providerMessageId: string }
  | { ok: false; kind: FailureKind; errorClass: string; message: string };

/**
 * Sends one claimed delivery (SPEC §1.3–1.4): re-checks the contact right before the provider
 * call, sends with an idempotency key per attempt, then records the outcome and any retry.
 */
export async function send(db: Db, provider: ChannelProvider, deliveryId: string, now: Date) {
  const started = await startAttempt(db, deliveryId, now);
  if (!started) return "not_sent" as const;
  let outcome: Outcome;
  try {
    const result = await provider.send(started.message, { idempotencyKey: started.idempotencyKey });
    outcome = { ok: true, providerMessageId: result.providerMessageId };
  } catch (error) {
    const kind = error instanceof ProviderError ? error.kind : "transient";
    const errorClass = error instanceof ProviderError ? error.errorClass : "unexpected";
    outcome = { ok: false, kind, errorClass, message: (error as Error).message };
  }
  await finishAttempt(db, deliveryId, started, outcome, now);
  return outcome.ok ? ("sent" as const) : (`failed_${outcome.kind}` as const);
}

/** Transaction 1: under the contact's lock, decide whether the delivery may still go out. */
async function startAttempt(db: Db, deliveryId: string, now: Date): Promise<Started | null> {
  return db.transaction(async (tx) => {
    const [peek] = await tx
      .select({ contactId: deliveries.contactId })
      .from(deliveries)
      .where(eq(deliveries.id, deliveryId));
    if (!peek) return null;
    // Contact first, then delivery: the same lock order as planning and cancelling.
    const contact = await loadContact(tx, peek.contactId, true);
    const [row] = await tx
      .select({ delivery: deliveries, stage: reminders.key, closedAt: cycles.closedAt })
      .from(deliveries)
      .innerJoin(reminders, eq(reminders.id, deliveries.reminderId))
      .innerJoin(cycles, eq(cycles.id, reminders.cycleId))
      .where(and(eq(deliveries.id, deliveryId), eq(deliveries.status, "sending")))
      .for("update", { of: deliveries });
    if (!contact || !row) return null; // canceled, superseded or finished meanwhile
    const { delivery } = row;
    const ids = {
      tenantId: delivery.tenantId,
      contactId: delivery.contactId,
      reminderId: delivery.reminderId,
      deliveryId,
    };
    if (row.closedAt) {
      await tx
        .update(deliveries)
        .set({ status: "canceled", reason: "activity", nextAttemptAt: null, finishedAt: now })
        .where(eq(deliveries.id, deliveryId));
      await logEvents(tx, [
        {
          ...ids,
          type: "canceled_reset",
          at: now,
          reason: "The contact returned before this was sent.",
        },
      ]);
      return null;
    }
    const recipient = addressOn(contact, delivery.channel);
    const block: SkipReason | null =
      channelBlock(contact, delivery.channel, contact.settings.excludeDoNotContact) ??
      (recipient ? null : "unreachable");
    if (block) {
      await tx
        .update(deliveries)
        .set({ status: "skipped", reason: block, nextAttemptAt: null, finishedAt: now })
        .where(eq(deliveries.id, deliveryId));
      await logEvents(tx, [
        {
          ...ids,
          type: "skipped",
          at: now,
          reason: `Checked before sending on ${delivery.channel}: ${block}.`,
        },
      ]);
      return null;
    }
    // A claim taken over after a crash repeats the same attempt, with the same key.
    const attempt = delivery.inFlightAttempt ?? delivery.attemptCount + 1;
    const idempotencyKey = `delivery:${deliveryId}:attempt:${attempt}`;
    await tx
      .insert(attempts)
      .values({
        tenantId: delivery.tenantId,
        deliveryId,
        number: attempt,
        idempotencyKey,
        startedAt: now,
        outcome: "started",
      })
      .onConflictDoNothing();
    await tx
      .update(deliveries)
      .set({
        inFlightAttempt: attempt,
        attemptCount: attempt,
        firstAttemptAt: delivery.firstAttemptAt ?? now,
      })
      .where(eq(deliveries.id, deliveryId));
    const content = fallbackContent(row.stage, delivery.channel, contact.name);
    const message = {
      tenantId: delivery.tenantId,
      contactId: contact.id,
      deliveryId,
      channel: delivery.channel,
      stage: row.stage,
      attempt,
      recipient: recipient!,
      ...content,
    };
    return { message, attempt, idempotencyKey, stage: row.stage };
  });
}

/** Transaction 2: record what the provider said, and schedule a retry or give up. */
async function finishAttempt(
  db: Db,
  deliveryId: string,
  started: Started,
  outcome: Outcome,
  now: Date,
) {
  await db.transaction(async (tx) => {
    const contact = await loadContact(tx, started.message.contactId, true);
    if (!contact) return;
    const { channel } = started.message;
    const ids = { tenantId: contact.tenantId, contactId: contact.id, deliveryId };
    await tx
      .update(attempts)
      .set({
        outcome: outcome.ok
          ? "sent"
          : outcome.kind === "transient"
            ? "failed_transient"
            : "failed_permanent",
        finishedAt: now,
        errorClass: outcome.ok ? null : outcome.errorClass,
        response: outcome.ok
          ? { providerMessageId: outcome.providerMessageId }
          : { error: outcome.message },
      })
      .where(and(eq(attempts.deliveryId, deliveryId), eq(attempts.number, started.attempt)));
    const done = { inFlightAttempt: null, finishedAt: now, nextAttemptAt: null };
    // Whatever happened, the recurring count and the next milestone may have moved: replan.
    await tx.update(contacts).set({ nextCheckAt: now }).where(eq(contacts.id, contact.id));
    if (outcome.ok) {
      await tx
        .update(deliveries)
        .set({ status: "sent", reason: null, ...done })
        .where(eq(deliveries.id, deliveryId));
      await tx
        .update(contacts)
        .set({
          tags: sql`array_append(array_remove(${contacts.tags}, ${`reactivation:${started.stage}`}), ${`reactivation:${started.stage}`})`,
        })
        .where(eq(contacts.id, contact.id));
      await logEvents(tx, [
        {
          ...ids,
          type: "sent",
          at: now,
          reason: `Sent on ${channel} (attempt ${started.attempt}).`,
        },
      ]);
      return;
    }
    const retry =
      outcome.kind === "transient"
        ? retryAt(
            now,
            started.attempt,
            contact.settings.retryOffsetsMinutes,
            contact.settings.quietHours,
            contact.zone,
          )
        : null;
    const failed = {
      ...ids,
      type: "attempt_failed" as const,
      at: now,
      reason: `Attempt ${started.attempt} on ${channel} failed (${outcome.kind}, ${outcome.errorClass}): ${outcome.message}`,
    };
    if (retry) {
      await tx
        .update(deliveries)
        .set({
          status: "pending",
          inFlightAttempt: null,
          nextAttemptAt: retry,
          reason: outcome.errorClass,
        })
        .where(eq(deliveries.id, deliveryId));
      await logEvents(tx, [
        failed,
        {
          ...ids,
          type: "retry_scheduled",
          at: now,
          reason: `Retry ${started.attempt} at ${retry.toISOString()}.`,
        },
      ]);
      return;
    }
    await tx
      .update(deliveries)
      .set({ status: "failed", reason: outcome.errorClass, ...done })
      .where(eq(deliveries.id, deliveryId));
    if (outcome.kind === "permanent") {
      // SPEC §1.3: unreachable on this channel until the address changes or the contact resubscribes.
      await tx
        .update(contacts)
        .set({
          channels: sql`${contacts.channels} || ${JSON.stringify({ [channel]: "unreachable" })}::jsonb`,
        })
        .where(eq(contacts.id, contact.id));
    }
    const why =
      outcome.kind === "permanent" ? "a permanent failure is never retried" : "no retries left";
    await logEvents(tx, [
      failed,
      { ...ids, type: "failed", at: now, reason: `Gave up on ${channel}: ${why}.` },
    ]);
  });
}
