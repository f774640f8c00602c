import type { Db } from "@/db/client";
import { cycleOutcome, type CycleOutcome } from "./attribution";
import { loadTenantFacts } from "./load-facts";

/** Every cycle of a workspace with what it counts for (SPEC §1.8). */
export async function tenantOutcomes(
  db: Db,
  tenantId: string,
  attributionWindowDays: number,
): Promise<CycleOutcome[]> {
  const { cycles, revenueOf } = await loadTenantFacts(db, tenantId);
  return cycles.map((c) =>
    cycleOutcome(c, revenueOf.get(c.contactId) ?? [], attributionWindowDays),
  );
}
