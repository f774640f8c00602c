import path from "node:path";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import type { PgliteDatabase } from "drizzle-orm/pglite";
import { migrate as migratePostgres } from "drizzle-orm/postgres-js/migrator";
import type { PostgresJsDatabase } from "drizzle-orm/postgres-js";
import type { DbHandle, Schema } from "./client";

const migrationsFolder = path.join(process.cwd(), "db", "migrations");

/**
 * Applies the committed drizzle-kit migrations (or those of another folder, for a test that starts
 * from an earlier schema); a no-op when they are all applied.
 */
export async function migrateDatabase(handle: DbHandle, folder = migrationsFolder): Promise<void> {
  if (handle.driver === "pglite") {
    await migratePglite(handle.db as unknown as PgliteDatabase<Schema>, {
      migrationsFolder: folder,
    });
  } else {
    await migratePostgres(handle.db as unknown as PostgresJsDatabase<Schema>, {
      migrationsFolder: folder,
    });
  }
}
