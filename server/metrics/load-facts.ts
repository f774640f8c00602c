import { and, eq, gt, inArray, sql } from "drizzle-orm";
import type { PgColumn } from "drizzle-orm/pg-core";
import type { Db } from "@/db/client";
import { anyOf } from "@/db/bulk";
import { activityEvents, cycles, deliveries, engineEvents, reminders } from "@/db/schema";
import { groupBy } from "@/server/lib/group-by";
import type { CycleFacts, ReminderFacts, RevenueEvent } from "./attribution";

export type TenantFacts = {
  cycles: CycleFacts[];
  /** Each contact's revenue-carrying activity, oldest first. */
  revenueOf: Map<string, RevenueEvent[]>;
};

/**
 * Every cycle of a workspace with what attribution needs (SPEC §1.8): the reminders' successful
 * and held-out deliveries, the links opened, and the contacts' revenue, read from the ledger.
 */
export async function loadTenantFacts(
  db: Db,
  tenantId: string,
  /** Only these contacts' (the rollup step reads a workspace a batch of contacts at a time). */
  contactIds?: string[],
): Promise<TenantFacts> {
  const of = (column: PgColumn) => (contactIds ? anyOf(column, contactIds) : undefined);
  const cycleRows = await db
    .select()
    .from(cycles)
    .where(and(eq(cycles.tenantId, tenantId), of(cycles.contactId)));
  const reminderRows = await db
    .select({ id: reminders.id, cycleId: reminders.cycleId, key: reminders.key })
    .from(reminders)
    // By cycle: reminders have no contact index, their (cycle, key, sequence) key serves.
    .where(
      and(
        eq(reminders.tenantId, tenantId),
        contactIds
          ? anyOf(
              reminders.cycleId,
              cycleRows.map((c) => c.id),
            )
          : undefined,
      ),
    );
  const deliveryRows = await db
    .select({
      id: deliveries.id,
      reminderId: deliveries.reminderId,
      channel: deliveries.channel,
      status: deliveries.status,
      variant: deliveries.variant,
      ctaKind: sql<string | null>`${deliveries.content}->>'ctaKind'`,
      finishedAt: deliveries.finishedAt,
      firstAttemptAt: deliveries.firstAttemptAt,
    })
    .from(deliveries)
    .where(
      and(
        eq(deliveries.tenantId, tenantId),
        of(deliveries.contactId),
        inArray(deliveries.status, ["sent", "held_out"]),
      ),
    );
  const clickRows = await db
    .select({ deliveryId: engineEvents.deliveryId, at: engineEvents.at })
    .from(engineEvents)
    .where(
      and(
        eq(engineEvents.tenantId, tenantId),
        of(engineEvents.contactId),
        eq(engineEvents.type, "clicked"),
      ),
    );
  const revenueRows = await db
    .select({
      contactId: activityEvents.contactId,
      at: activityEvents.occurredAt,
      revenueMinor: activityEvents.revenueMinor,
      currency: activityEvents.currency,
    })
    .from(activityEvents)
    .where(
      and(
        eq(activityEvents.tenantId, tenantId),
        of(activityEvents.contactId),
        gt(activityEvents.revenueMinor, 0),
      ),
    )
    .orderBy(activityEvents.occurredAt);

  const deliveryById = new Map(deliveryRows.map((d) => [d.id, d]));
  const clicksOf = groupBy(
    clickRows.filter((c) => c.deliveryId && deliveryById.has(c.deliveryId)),
    (c) => deliveryById.get(c.deliveryId!)!.reminderId,
  );
  const deliveriesOf = groupBy(deliveryRows, (d) => d.reminderId);
  const remindersOf = groupBy(reminderRows, (r) => r.cycleId);
  const facts = cycleRows.map((cycle): CycleFacts => {
    const own = (remindersOf.get(cycle.id) ?? []).map((r): ReminderFacts => {
      const ds = deliveriesOf.get(r.id) ?? [];
      return {
        id: r.id,
        stage: r.key,
        delivered: ds.flatMap((d) =>
          d.status === "sent" && d.finishedAt
            ? [
                {
                  channel: d.channel,
                  variant: d.variant,
                  ctaKind: d.ctaKind ?? "",
                  at: d.finishedAt,
                },
              ]
            : [],
        ),
        clicks: (clicksOf.get(r.id) ?? []).map((c) => ({
          channel: deliveryById.get(c.deliveryId!)!.channel,
          at: c.at,
        })),
      };
    });
    const heldOutAt = own
      .flatMap((r) => deliveriesOf.get(r.id) ?? [])
      .flatMap((d) => (d.status === "held_out" && d.firstAttemptAt ? [d.firstAttemptAt] : []));
    return {
      id: cycle.id,
      contactId: cycle.contactId,
      startedAt: cycle.startedAt,
      returnedAt: cycle.returnedAt,
      heldOut: cycle.heldOut,
      wouldBeAt: heldOutAt.length ? new Date(Math.min(...heldOutAt.map(Number))) : null,
      reminders: own,
    };
  });
  return {
    cycles: facts,
    revenueOf: groupBy(revenueRows, (r) => r.contactId),
  };
}
