import { randomUUID } from "node:crypto";
import postgres from "postgres";
import { openDatabase, type DbHandle } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";

export const onPostgresServer = process.env.TEST_DB === "postgres";

/**
 * The database of one test file, fresh and migrated: a new database on the server in
 * DATABASE_URL (dropped on close), or an in-memory PGlite. The engine works across every tenant
 * of its database, so test files never share one.
 */
export async function openTestDb(): Promise<DbHandle & { url?: string }> {
  const handle = onPostgresServer
    ? await openServerDb(process.env.DATABASE_URL!)
    : await openDatabase({});
  await migrateDatabase(handle);
  return handle;
}

async function openServerDb(serverUrl: string): Promise<DbHandle & { url: string }> {
  const name = `rekindle_test_${randomUUID().replaceAll("-", "")}`;
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const handle = await openDatabase({ url: url.toString() });
  return {
    ...handle,
    url: url.toString(),
    close: async () => {
      await handle.close();
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end();
    },
  };
}
