import { and, asc, eq, gt, inArray, isNotNull, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { anyOf } from "@/db/bulk";
import {
  activityEvents,
  cycles,
  deliveries,
  engineEvents,
  reminders,
  templates,
  tenants,
} from "@/db/schema";
import type { LedgerFact } from "./posthog-events";

/** The ledger events whose analytics event is about a delivery. */
const ABOUT_A_DELIVERY = ["sent", "clicked", "reactivated"];

/**
 * The next `limit` ledger events after `afterSeq`, in insertion order, each with the ids, keys
 * and amounts its analytics event needs (`toAnalyticsEvent`). Events of other types come too,
 * bare: the reader's cursor moves over them.
 */
export async function readLedgerPage(db: Db, afterSeq: number, limit: number) {
  const rows = await db
    .select({
      id: engineEvents.id,
      seq: engineEvents.seq,
      type: engineEvents.type,
      tenantId: engineEvents.tenantId,
      contactId: engineEvents.contactId,
      cycleId: engineEvents.cycleId,
      at: engineEvents.at,
      data: engineEvents.data,
      sandbox: tenants.sandbox,
      deliveryId: deliveries.id,
      reminderId: deliveries.reminderId,
      deliveryCycleId: reminders.cycleId,
      stage: reminders.key,
      sequence: reminders.sequence,
      channel: deliveries.channel,
      variant: deliveries.variant,
      templateId: templates.id,
      attempts: deliveries.attemptCount,
    })
    .from(engineEvents)
    .innerJoin(tenants, eq(tenants.id, engineEvents.tenantId))
    .leftJoin(
      deliveries,
      and(eq(deliveries.id, engineEvents.deliveryId), inArray(engineEvents.type, ABOUT_A_DELIVERY)),
    )
    .leftJoin(reminders, eq(reminders.id, deliveries.reminderId))
    .leftJoin(
      templates,
      and(
        eq(templates.tenantId, deliveries.tenantId),
        eq(templates.stage, reminders.key),
        eq(templates.channel, deliveries.channel),
        eq(templates.name, deliveries.variant),
      ),
    )
    .where(gt(engineEvents.seq, afterSeq))
    .orderBy(asc(engineEvents.seq))
    .limit(limit);
  const revenue = await returnRevenue(
    db,
    rows.flatMap((r) => (r.type === "reactivated" && r.cycleId ? [r.cycleId] : [])),
  );
  return rows.map((r): LedgerFact => ({
    id: r.id,
    seq: r.seq,
    type: r.type,
    tenantId: r.tenantId,
    contactId: r.contactId,
    cycleId: r.cycleId,
    at: r.at,
    data: r.data,
    sandbox: r.sandbox,
    delivery:
      r.deliveryId && r.reminderId && r.deliveryCycleId && r.stage !== null && r.channel
        ? {
            id: r.deliveryId,
            reminderId: r.reminderId,
            cycleId: r.deliveryCycleId,
            stage: r.stage,
            sequence: r.sequence ?? 0,
            channel: r.channel,
            // The built-in message has no template; a variant since deleted is unnamed.
            variantId: r.variant === "fallback" ? "fallback" : r.templateId,
            attempts: r.attempts ?? 0,
          }
        : null,
    revenue: (r.cycleId && revenue.get(r.cycleId)) || [],
  }));
}

/**
 * Per closed cycle, the revenue of the contact's activity at the instant it returned (the
 * activity that closed the cycle, and any other at that instant), summed per currency. A return
 * the contacts API recorded without an activity has none.
 */
async function returnRevenue(db: Db, cycleIds: string[]) {
  const found = new Map<string, LedgerFact["revenue"]>();
  if (cycleIds.length === 0) return found;
  const rows = await db
    .select({
      cycleId: cycles.id,
      currency: activityEvents.currency,
      revenueMinor: sql<string>`sum(${activityEvents.revenueMinor})`,
    })
    .from(cycles)
    .innerJoin(
      activityEvents,
      and(
        eq(activityEvents.tenantId, cycles.tenantId),
        eq(activityEvents.contactId, cycles.contactId),
        eq(activityEvents.occurredAt, cycles.returnedAt),
      ),
    )
    .where(
      and(
        anyOf(cycles.id, cycleIds),
        isNotNull(activityEvents.currency),
        gt(activityEvents.revenueMinor, 0),
      ),
    )
    .groupBy(cycles.id, activityEvents.currency)
    .orderBy(asc(activityEvents.currency));
  for (const r of rows) {
    const list = found.get(r.cycleId) ?? [];
    list.push({ currency: r.currency!, revenueMinor: Number(r.revenueMinor) });
    found.set(r.cycleId, list);
  }
  return found;
}
