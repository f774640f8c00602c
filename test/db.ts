import { openDatabase, type DbHandle } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";
import { openScratchDatabase } from "@/db/scratch-database";

export const onPostgresServer = process.env.TEST_DB === "postgres";

/**
 * The database of one test file, fresh and migrated: a new database on the server in
 * DATABASE_URL (dropped on close), or an in-memory PGlite. The engine works across every tenant
 * of its database, so test files never share one.
 */
export async function openTestDb(): Promise<DbHandle & { url?: string }> {
  const handle = onPostgresServer
    ? await openScratchDatabase(process.env.DATABASE_URL!, "rekindle_test")
    : await openDatabase({});
  await migrateDatabase(handle);
  return handle;
}
