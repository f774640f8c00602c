import { openDatabase, type DbHandle } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";

export const onPostgresServer = process.env.TEST_DB === "postgres";

/**
 * The database of one test file: the server in DATABASE_URL (migrated by the global setup), or
 * a fresh in-memory PGlite. Tests make their own tenants, so files never see each other's rows.
 */
export async function openTestDb(): Promise<DbHandle> {
  if (onPostgresServer) return openDatabase({ url: process.env.DATABASE_URL! });
  const handle = await openDatabase({});
  await migrateDatabase(handle);
  return handle;
}
