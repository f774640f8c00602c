import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { contacts } from "@/db/schema";
import { sortedMoney } from "@/server/metrics/money";
import { tenantOutcomes } from "@/server/metrics/outcomes";
import { summarize, type Counts } from "@/server/metrics/summary";

/**
 * Only groups a cycle reached, as counts (the simulator's output leaves revenue to the total), by
 * key: in the order the outcomes came, the same report printed differently from run to run.
 */
export function reachedGroups(groups: Record<string, Counts>) {
  return Object.fromEntries(
    Object.entries(groups)
      .filter(([, c]) => c.reached > 0)
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([key, c]) => [key, { reached: c.reached, reactivations: c.reactivations }]),
  );
}

/**
 * The scenario's `metrics` (SPEC §1.8, scenarios/README.md): the same outcome and summary
 * functions the dashboard uses, over everything that happened in the run.
 */
export async function scenarioMetrics(db: Db, tenantId: string, attributionWindowDays: number) {
  const outcomes = await tenantOutcomes(db, tenantId, attributionWindowDays);
  const summary = summarize(outcomes);
  const externalIds = new Map(
    (
      await db
        .select({ id: contacts.id, externalId: contacts.externalId })
        .from(contacts)
        .where(eq(contacts.tenantId, tenantId))
    ).map((c) => [c.id, c.externalId]),
  );
  const heldOutContacts = [
    ...new Set(
      outcomes.filter((o) => o.cycle.heldOut).map((o) => externalIds.get(o.cycle.contactId)!),
    ),
  ].sort();
  return {
    reached: summary.total.reached,
    reactivations: summary.total.reactivations,
    revenueMinor: sortedMoney(summary.total.revenue),
    byStage: reachedGroups(summary.byStage),
    byChannel: reachedGroups(summary.byChannel),
    holdout: { heldOut: summary.holdout.heldOut, returned: summary.holdout.returned },
    heldOutContacts,
  };
}
