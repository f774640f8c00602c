import { openDatabase, type Db, type DbHandle } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";
import { openScratchDatabase } from "@/db/scratch-database";
import { countBackendCpuOf } from "./measure";
import { presetFor } from "@/db/presets";
import { tenantSettings, tenants } from "@/db/schema";
import { entitleAndActivate } from "@/server/modules/entitle";

export const BENCH_ZONE = "Asia/Ho_Chi_Minh";

/** The one self-study workspace a benchmark fills, with the preset's settings. */
export async function insertBenchTenant(db: Db) {
  const [tenant] = await db
    .insert(tenants)
    .values({
      slug: "bench",
      name: "Bench",
      kind: "self_study",
      timeZone: BENCH_ZONE,
      postalAddress: "-",
      senderName: "-",
      senderEmail: "bench@rekindle.local",
    })
    .returning();
  await db
    .insert(tenantSettings)
    .values({ tenantId: tenant!.id, settings: presetFor("self_study") });
  await entitleAndActivate(db, tenant!.id, "benchmark", new Date());
  return tenant!;
}

/**
 * A fresh, migrated database for one measurement: a new database on the Postgres in
 * DATABASE_URL (dropped on close), or an in-memory PGlite.
 */
export async function openBenchDatabase(): Promise<DbHandle> {
  const serverUrl = process.env.DATABASE_URL || undefined;
  const scratch = serverUrl ? await openScratchDatabase(serverUrl, "rekindle_bench") : null;
  if (scratch) countBackendCpuOf(scratch.url);
  const handle = scratch ?? (await openDatabase({}));
  await migrateDatabase(handle);
  return handle;
}
