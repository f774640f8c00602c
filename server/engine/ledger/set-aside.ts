import { sql } from "drizzle-orm";
import { anyOf, updateInChunks } from "@/db/bulk";
import type { Db } from "@/db/client";
import { rowsOf } from "@/db/rows";
import { contacts, deliveries } from "@/db/schema";
import type { BisectFailure } from "@/server/lib/bisect";
import { engineRetryAt } from "../isolation/backoff";
import { errorText } from "../isolation/error-text";
import type { StepTime } from "../step-time";
import { logEvents, type EngineEvent } from "./events";

export type EngineStep = "plan" | "send";

/** A contact the engine failed on and set aside until `retryAt`. */
export type SetAside = {
  tenantId: string;
  contactId: string;
  step: EngineStep;
  error: string;
  failures: number;
  retryAt: Date;
};

type Failed = { contactId: string; error: string; deliveryId?: string; reminderId?: string };

/**
 * Contacts whose planning failed: each counts one more failure in a row, keeps what it said for
 * owners, logs an `engine_error` on its timeline and waits until its backoff has run out
 * (`next_check_at`), so the scan finds the others first and tries it again later.
 */
export async function setAsidePlanning(
  db: Db,
  failed: BisectFailure<string>[],
  at: StepTime,
): Promise<SetAside[]> {
  const list = failed.map((f) => ({ contactId: f.item, error: errorText(f.error) }));
  return db.transaction(async (tx) => {
    const setAside = await countFailures(tx, list, "plan", at);
    await updateInChunks(
      tx,
      contacts,
      setAside.map((s) => ({ id: s.contactId, nextCheckAt: s.retryAt })),
    );
    await logEvents(
      tx,
      setAside.map((s) => errorEvent(s, {}, at)),
    );
    return setAside;
  });
}

/**
 * Claimed deliveries whose sending failed: their contacts count a failure as above, and the
 * deliveries stay claimed until the backoff has run out (a crash-safe take-over then finds any
 * attempt already started and resends it with the same idempotency key).
 */
export async function setAsideSending(
  db: Db,
  failed: BisectFailure<string>[],
  at: StepTime,
): Promise<SetAside[]> {
  if (failed.length === 0) return [];
  const errors = new Map(failed.map((f) => [f.item, errorText(f.error)]));
  const rows = await db
    .select({
      deliveryId: deliveries.id,
      contactId: deliveries.contactId,
      reminderId: deliveries.reminderId,
    })
    .from(deliveries)
    .where(anyOf(deliveries.id, [...errors.keys()]));
  const list = rows.map((r) => ({ ...r, error: errors.get(r.deliveryId)! }));
  return db.transaction(async (tx) => {
    const setAside = await countFailures(tx, list, "send", at);
    const byContact = new Map(setAside.map((s) => [s.contactId, s]));
    const postponed = JSON.stringify(
      list.map((d) => ({ id: d.deliveryId, at: byContact.get(d.contactId)!.retryAt })),
    );
    await tx.execute(sql`
      update ${deliveries} d set next_attempt_at = r.at
      from json_to_recordset(${postponed}::json) as r(id uuid, at timestamptz)
      where d.id = r.id and d.status = 'sending'`);
    await logEvents(
      tx,
      list.map((d) => errorEvent(byContact.get(d.contactId)!, d, at)),
    );
    return setAside;
  });
}

/** Adds one failure in a row to each contact (once per contact), with its error and retry time. */
async function countFailures(
  db: Db,
  failed: Failed[],
  step: EngineStep,
  at: StepTime,
): Promise<SetAside[]> {
  const firstOf = new Map<string, Failed>();
  for (const f of failed) if (!firstOf.has(f.contactId)) firstOf.set(f.contactId, f);
  if (firstOf.size === 0) return [];
  const records = JSON.stringify(
    [...firstOf.values()].map((f) => ({
      id: f.contactId,
      error: f.error,
      at: at(f.contactId).toISOString(),
    })),
  );
  const counted = rowsOf<{ id: string; tenantId: string; failures: number }>(
    await db.execute(sql`
      update ${contacts} c set engine_failures = c.engine_failures + 1,
        engine_error = r.error, engine_error_at = r.at
      from json_to_recordset(${records}::json) as r(id uuid, error text, at timestamptz)
      where c.id = r.id
      returning c.id, c.tenant_id as "tenantId", c.engine_failures as failures`),
  );
  return counted.map((c) => ({
    tenantId: c.tenantId,
    contactId: c.id,
    step,
    error: firstOf.get(c.id)!.error,
    failures: Number(c.failures),
    retryAt: engineRetryAt(Number(c.failures), at(c.id)),
  }));
}

function errorEvent(
  s: SetAside,
  refs: { deliveryId?: string; reminderId?: string },
  at: StepTime,
): EngineEvent {
  return {
    tenantId: s.tenantId,
    contactId: s.contactId,
    reminderId: refs.reminderId ?? null,
    deliveryId: refs.deliveryId ?? null,
    type: "engine_error",
    at: at(s.contactId),
    reason: `${s.step}_failed`,
    data: { error: s.error, failures: s.failures, retryAt: s.retryAt.toISOString() },
  };
}

/**
 * Contacts a step has just succeeded for: those that had failed before are healthy again, and
 * their timeline says so. Costs nothing when none had failed.
 */
export async function clearEngineErrors(
  db: Db,
  list: { id: string; tenantId: string; engineFailures: number }[],
  at: StepTime,
): Promise<void> {
  const recovered = list.filter((c) => c.engineFailures > 0);
  if (recovered.length === 0) return;
  await updateInChunks(
    db,
    contacts,
    recovered.map((c) => ({ id: c.id, engineFailures: 0, engineError: null, engineErrorAt: null })),
  );
  await logEvents(
    db,
    recovered.map((c) => ({
      tenantId: c.tenantId,
      contactId: c.id,
      type: "engine_recovered",
      at: at(c.id),
      reason: "step_succeeded",
      data: { failuresBefore: c.engineFailures },
    })),
  );
}
