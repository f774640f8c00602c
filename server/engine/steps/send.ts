import { and, eq } from "drizzle-orm";
import pMap from "p-map";
import type { Db } from "@/db/client";
import { anyOf, insertInChunks, updateInChunks } from "@/db/bulk";
import { ledgerId } from "@/db/ledger-id";
import { attempts, cycles, deliveries, reminders } from "@/db/schema";
import type { ChannelProvider } from "../channels/provider";
import { loadContacts } from "../contact-context";
import { logEvents } from "../ledger/events";
import { writeOutcomes } from "../ledger/finish-attempts";
import { happenedMeanwhile } from "../ledger/meanwhile";
import { clearEngineErrors, setAsideSending } from "../ledger/set-aside";
import { nextChecks } from "../planning/next-check";
import { bisect } from "@/server/lib/bisect";
import { appLinks } from "@/server/links/message-links";
import { attachContent } from "../sending/attach-content";
import { checkBeforeSend, type Started } from "../sending/check";
import { NOTHING_MEANWHILE } from "../sending/meanwhile";
import { providerOutcome, recordOutcome } from "../sending/outcome";
import { stepTime, type StepTime } from "../step-time";

export type SendResult =
  "sent" | "failed_transient" | "failed_permanent" | "not_sent" | "set_aside";

/** Provider calls in flight at once per batch; each provider also has its own limits. */
const PROVIDER_CONCURRENCY = 16;

/**
 * Sends a batch of claimed deliveries (SPEC §1.3–1.4) in three phases: one transaction re-checks
 * every contact under its lock and records the attempts, then the provider calls run with an
 * idempotency key per attempt, then one transaction records the outcomes and any retries.
 * Runs at `now`, or for each contact at its own instant. A delivery whose phase fails is set
 * aside (its contact backs off) and never costs the others theirs. Returns what happened to each
 * delivery.
 */
export async function sendDeliveries(
  db: Db,
  provider: ChannelProvider,
  deliveryIds: string[],
  now: Date | StepTime,
): Promise<Map<string, SendResult>> {
  const at = stepTime(now);
  const results = new Map<string, SendResult>(deliveryIds.map((id) => [id, "not_sent"]));
  const starting = await bisect(deliveryIds, (ids) => startAttempts(db, ids, at));
  const started = starting.results.flat();
  const settled = await pMap(
    started,
    async (s) => {
      const [result] = await Promise.allSettled([
        provider.send(s.message, { idempotencyKey: s.idempotencyKey }),
      ]);
      return { started: s, outcome: providerOutcome(result) };
    },
    { concurrency: PROVIDER_CONCURRENCY },
  );
  const recording = await bisect(settled, (batch) => recordOutcomes(db, batch, at));
  for (const { started: s, outcome } of settled)
    results.set(s.message.deliveryId, outcome.ok ? "sent" : `failed_${outcome.kind}`);
  const failed = [
    ...starting.failed,
    ...recording.failed.map((f) => ({ ...f, item: f.item.started.message.deliveryId })),
  ];
  await setAsideSending(db, failed, at);
  for (const { item } of failed) results.set(item, "set_aside");
  return results;
}

type Settled = { started: Started; outcome: ReturnType<typeof providerOutcome> };

/** Under the contacts' locks, records what the provider answered and schedules any retries. */
async function recordOutcomes(db: Db, settled: Settled[], at: StepTime): Promise<void> {
  await db.transaction(async (tx) => {
    const started = settled.map((s) => s.started);
    const locked = await loadContacts(tx, { ids: contactIdsOf(started) }, true);
    const contactOf = new Map(locked.map((c) => [c.id, c]));
    // Read under the locks: whatever was committed while the calls were in flight.
    const meanwhile = await happenedMeanwhile(
      tx,
      started.map((s) => s.message.deliveryId),
    );
    const recorded = settled.flatMap(({ started: s, outcome }) => {
      const contact = contactOf.get(s.message.contactId);
      const since = meanwhile.get(s.message.deliveryId) ?? NOTHING_MEANWHILE;
      return contact ? [recordOutcome(contact, s, outcome, at(contact.id), since)] : [];
    });
    const next = await nextChecks(tx, locked);
    // Independent writes under the locks, sent at once: the driver pipelines them on the
    // transaction's connection, where awaiting each one is a trip through an event loop that
    // other batches' composition keeps busy.
    await Promise.all([
      writeOutcomes(tx, recorded, next, at),
      logEvents(
        tx,
        recorded.flatMap((r) => r.events),
      ),
      clearEngineErrors(tx, locked, at),
    ]);
  });
}

/** Sends one claimed delivery (see `sendDeliveries`). */
export async function send(
  db: Db,
  provider: ChannelProvider,
  deliveryId: string,
  now: Date,
): Promise<SendResult> {
  return (await sendDeliveries(db, provider, [deliveryId], now)).get(deliveryId)!;
}

/** Under the contacts' locks, decides which deliveries may still go out and starts their attempts. */
async function startAttempts(db: Db, deliveryIds: string[], at: StepTime): Promise<Started[]> {
  if (deliveryIds.length === 0) return [];
  return db.transaction(async (tx) => {
    // Contacts first, then deliveries: the same lock order as planning and cancelling.
    const locked = await loadContacts(tx, { ofDeliveries: deliveryIds }, true);
    const contactOf = new Map(locked.map((c) => [c.id, c]));
    const rows = await tx
      .select({
        delivery: deliveries,
        stage: reminders.key,
        closedAt: cycles.closedAt,
        heldOut: cycles.heldOut,
      })
      .from(deliveries)
      .innerJoin(reminders, eq(reminders.id, deliveries.reminderId))
      .innerJoin(cycles, eq(cycles.id, reminders.cycleId))
      .where(and(anyOf(deliveries.id, deliveryIds), eq(deliveries.status, "sending")))
      .for("update", { of: deliveries });
    // Rows no longer `sending` were canceled, superseded or finished meanwhile.
    const checked = rows.flatMap(({ delivery, stage, closedAt, heldOut }) => {
      const contact = contactOf.get(delivery.contactId);
      if (!contact) return [];
      const row = { delivery, stage, cycleClosed: closedAt !== null, heldOut };
      return [{ check: checkBeforeSend(contact, row, at(contact.id)), before: delivery, contact }];
    });
    const checks = await attachContent(tx, checked, at, appLinks());
    const started = checks.flatMap((c) => (c.started ? [c.started] : []));
    // Contacts with an attempt in flight are healthy once its outcome is recorded.
    const inFlight = new Set(contactIdsOf(started));
    // Independent writes, sent at once (see `recordOutcomes`).
    await Promise.all([
      updateInChunks(
        tx,
        deliveries,
        checks.map(({ delivery: d }) => ({
          id: d.id,
          status: d.status,
          reason: d.reason,
          nextAttemptAt: d.nextAttemptAt,
          finishedAt: d.finishedAt,
          inFlightAttempt: d.inFlightAttempt,
          attemptCount: d.attemptCount,
          firstAttemptAt: d.firstAttemptAt,
          content: d.content,
          variant: d.variant,
        })),
      ),
      // A claim taken over after a crash finds its attempt recorded already.
      insertInChunks(
        tx,
        attempts,
        started.map(({ message, idempotencyKey }) => ({
          id: ledgerId(),
          tenantId: message.tenantId,
          deliveryId: message.deliveryId,
          number: message.attempt,
          idempotencyKey,
          startedAt: at(message.contactId),
          outcome: "started" as const,
        })),
      ),
      logEvents(
        tx,
        checks.flatMap((c) => c.events),
      ),
      clearEngineErrors(
        tx,
        locked.filter((c) => !inFlight.has(c.id)),
        at,
      ),
    ]);
    return started;
  });
}

const contactIdsOf = (started: Started[]) => [...new Set(started.map((s) => s.message.contactId))];
