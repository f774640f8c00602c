import { PGlite } from "@electric-sql/pglite";
import { pgliteHandle, type DbHandle } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";

/**
 * One migrated in-memory PGlite whose `clone()` gives each run a fresh database in ~1 s instead
 * of ~3 s. Call `close()` in `afterAll`, or Node never exits.
 */
export async function pgliteTemplate() {
  const template = await PGlite.create();
  await migrateDatabase(pgliteHandle(template));
  return {
    clone: async (): Promise<DbHandle> => pgliteHandle((await template.clone()) as PGlite),
    close: () => template.close(),
  };
}
