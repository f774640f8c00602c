import { count } from "drizzle-orm";
import type { Db } from "@/db/client";
import { tenants } from "@/db/schema";
import { seedDemoContacts, type SeedOptions } from "./populate";
import type { SeedSize } from "./size";
import { seedDemoWorkspaces } from "./workspaces";

export { seedDemoContacts, type SeedOptions } from "./populate";
export { HISTORY_DAYS, historyStart, type SeedSize } from "./size";
export {
  demoWorkspacesWithoutContacts,
  seedDemoWorkspaces,
  type DemoWorkspace,
} from "./workspaces";

export type SeedReport = { tenant: string; created: boolean; contacts: number; activities: number };

/**
 * Creates the demo tenants, their users (one per role, and a second marketer to review the first)
 * and data, relative to `now`: contacts with their past activity, then a year of the engine's
 * history over them (`history/run.ts`) that ends at `now`, where the live engine takes over.
 * Idempotent: an existing demo tenant keeps its data; only missing users and memberships are added.
 */
export async function seedDemo(
  db: Db,
  now: Date,
  size: SeedSize = "full",
  options: SeedOptions = {},
): Promise<SeedReport[]> {
  const workspaces = await seedDemoWorkspaces(db, now, size);
  const created = workspaces.filter((w) => w.created);
  const counts = await seedDemoContacts(db, now, created, options);
  return workspaces.map((w) => ({
    tenant: w.demo.slug,
    created: w.created,
    ...(counts.get(w.tenantId) ?? { contacts: 0, activities: 0 }),
  }));
}

export async function seedIfEmpty(
  db: Db,
  now: Date,
  size: SeedSize = "full",
  options: SeedOptions = {},
): Promise<SeedReport[] | null> {
  const [row] = await db.select({ n: count() }).from(tenants);
  if ((row?.n ?? 0) > 0) return null;
  return seedDemo(db, now, size, options);
}
