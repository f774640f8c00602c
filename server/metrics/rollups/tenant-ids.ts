import type { Db } from "@/db/client";
import { tenants } from "@/db/schema";

/** Every workspace's id: the rollup step runs over each. */
export async function tenantIds(db: Db): Promise<string[]> {
  return (await db.select({ id: tenants.id }).from(tenants)).map((t) => t.id);
}
