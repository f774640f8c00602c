import type { Db } from "@/db/client";
import { presetFor } from "@/db/presets";
import { tenantSettings, tenants } from "@/db/schema";

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
  return tenant!;
}
