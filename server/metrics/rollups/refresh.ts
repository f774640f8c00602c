import { and, asc, eq, gt } from "drizzle-orm";
import type { Db } from "@/db/client";
import { insertInChunks } from "@/db/bulk";
import { contacts, metricRollups, metricRollupState, tenants } from "@/db/schema";
import { getTenantSettings } from "@/server/settings/get";
import { cycleOutcome } from "../attribution";
import { loadTenantFacts } from "../load-facts";
import { addLedgerCounts } from "./ledger-counts";
import { addOutcome } from "./add-outcome";
import { RollupSums } from "./sums";
import { tenantIds } from "./tenant-ids";

/** Contacts whose ledger is read at once: bounded memory however large the workspace. */
const CONTACTS_PER_BATCH = 2_000;

/**
 * Rebuilds a workspace's rollups from its ledger (SPEC §1.8) and replaces the stored ones in one
 * transaction: idempotent, so the worker and Inngest may both run it, and a late event (a return
 * or a purchase arriving days after) is counted at the next run. Returns the rows written.
 */
export async function refreshRollups(db: Db, tenantId: string, now: Date): Promise<number> {
  const [tenant] = await db
    .select({ id: tenants.id, zone: tenants.timeZone, kind: tenants.kind })
    .from(tenants)
    .where(eq(tenants.id, tenantId));
  if (!tenant) return 0;
  const settings = await getTenantSettings(db, tenant);
  const sums = new RollupSums();
  for await (const ids of contactBatches(db, tenantId)) {
    const { cycles, revenueOf } = await loadTenantFacts(db, tenantId, ids);
    for (const cycle of cycles) {
      const revenue = revenueOf.get(cycle.contactId) ?? [];
      addOutcome(sums, cycleOutcome(cycle, revenue, settings.attributionWindowDays), tenant.zone);
    }
  }
  await addLedgerCounts(db, sums, tenantId, tenant.zone);
  const rows = [...sums.rows()].map((r) => ({ tenantId, ...r }));
  await db.transaction(async (tx) => {
    await tx.delete(metricRollups).where(eq(metricRollups.tenantId, tenantId));
    await insertInChunks(tx, metricRollups, rows);
    await tx
      .insert(metricRollupState)
      .values({ tenantId, refreshedAt: now })
      .onConflictDoUpdate({ target: metricRollupState.tenantId, set: { refreshedAt: now } });
  });
  return rows.length;
}

/**
 * `refreshRollups`, but a workspace whose data cannot be read (say, settings broken by a hand-made
 * update) is logged and left with its previous rollups: it never stops the other workspaces'.
 */
export async function refreshRollupsIsolated(db: Db, tenantId: string, now: Date): Promise<number> {
  try {
    return await refreshRollups(db, tenantId, now);
  } catch (error) {
    console.error(
      `[rekindle] rollups: workspace ${tenantId} not rebuilt; the next run retries`,
      error,
    );
    return 0;
  }
}

/** Rebuilds every workspace's rollups (the worker's periodic step). */
export async function refreshAllRollups(db: Db, now: Date): Promise<number> {
  let written = 0;
  for (const id of await tenantIds(db)) written += await refreshRollupsIsolated(db, id, now);
  return written;
}

async function* contactBatches(db: Db, tenantId: string) {
  let after: string | null = null;
  for (;;) {
    const batch: { id: string }[] = await db
      .select({ id: contacts.id })
      .from(contacts)
      .where(and(eq(contacts.tenantId, tenantId), after ? gt(contacts.id, after) : undefined))
      .orderBy(asc(contacts.id))
      .limit(CONTACTS_PER_BATCH);
    if (batch.length === 0) return;
    yield batch.map((c) => c.id);
    after = batch.at(-1)!.id;
  }
}
