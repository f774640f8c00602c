import { createHash } from "node:crypto";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { pgliteHandle, type DbHandle } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";
import { openScratchDatabase } from "@/db/scratch-database";

export const onPostgresServer = process.env.TEST_DB === "postgres";

/**
 * The database of one test file (or one simulated scenario), fresh and migrated: a new database
 * on the server in DATABASE_URL (dropped on close), or an in-memory PGlite. The engine works
 * across every tenant of its database, so tests never share one.
 */
export async function openTestDb(): Promise<DbHandle & { url?: string }> {
  if (onPostgresServer) {
    const handle = await openScratchDatabase(process.env.DATABASE_URL!, "rekindle_test");
    await migrateDatabase(handle);
    return handle;
  }
  return pgliteHandle(await PGlite.create({ loadDataDir: await migratedSnapshot() }));
}

const migrationsFolder = path.join(process.cwd(), "db", "migrations");

/**
 * A migrated PGlite's data folder as a tarball, made once per set of migrations and kept in the
 * OS temp folder: loading it takes ~0.4 s where a new PGlite (initdb) and the migrations take
 * ~2–3 s, and every test file and scenario opens one.
 */
async function migratedSnapshot(): Promise<Blob> {
  const file = path.join(os.tmpdir(), `rekindle-pglite-${await migrationsDigest()}.tar`);
  const cached = await fs.readFile(file).catch(() => undefined);
  if (cached) return new Blob([cached]);
  const client = await PGlite.create();
  await migrateDatabase(pgliteHandle(client));
  const snapshot = await client.dumpDataDir("none");
  await client.close();
  // Written aside and renamed: a concurrent worker reads a whole snapshot or none.
  const partial = `${file}.${process.pid}`;
  await fs.writeFile(partial, Buffer.from(await snapshot.arrayBuffer()));
  await fs.rename(partial, file);
  return snapshot;
}

async function migrationsDigest(): Promise<string> {
  // A PGlite release may change its data format: its version is part of the key.
  const pglite = path.join(
    process.cwd(),
    "node_modules",
    "@electric-sql",
    "pglite",
    "package.json",
  );
  const hash = createHash("sha256").update(await fs.readFile(pglite));
  const files = await fs.readdir(migrationsFolder, { recursive: true });
  for (const name of files.sort()) {
    const full = path.join(migrationsFolder, name);
    if ((await fs.stat(full)).isFile()) hash.update(name).update(await fs.readFile(full));
  }
  return hash.digest("hex").slice(0, 16);
}
