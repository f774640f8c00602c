import "server-only";
import { env } from "@/server/env";
import { envDbTarget } from "./env-target";
import { openDatabase, type Db, type DbHandle } from "./client";
import { migrateDatabase } from "./migrate";
import { seedDemoDatabase } from "./seed/background";

const globalForDb = globalThis as unknown as { rekindleDb?: Promise<DbHandle> };

/**
 * The process-wide database, opened lazily (never at import time: `next build` imports routes).
 * Migrations run on first open; an empty embedded database gets the demo data (the full demo's
 * contacts and year of history arrive in the background, a minute or two later).
 */
export function getDbHandle(): Promise<DbHandle> {
  globalForDb.rekindleDb ??= start().catch((error: unknown) => {
    globalForDb.rekindleDb = undefined;
    throw error;
  });
  return globalForDb.rekindleDb;
}

export async function getDb(): Promise<Db> {
  return (await getDbHandle()).db;
}

async function start(): Promise<DbHandle> {
  const handle = await openDatabase(envDbTarget());
  await migrateDatabase(handle);
  if (handle.driver === "pglite" && env.REKINDLE_DEMO_SEED) {
    await seedDemoDatabase(handle, new Date(), env.REKINDLE_DEMO_SEED);
  }
  return handle;
}
