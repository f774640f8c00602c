import { PGlite } from "@electric-sql/pglite";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { drizzle as drizzlePostgres } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import { acquireDataDirLock } from "./pglite-lock";
import * as schema from "./schema";

export type Schema = typeof schema;
/** The one database type the app codes against; both drivers satisfy it. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;

export type DbHandle = {
  db: Db;
  driver: "pglite" | "postgres";
  close: () => Promise<void>;
};

export type DbTarget =
  | { url: string }
  /** `dataDir` undefined = in memory. */
  | { dataDir?: string };

export async function openDatabase(target: DbTarget): Promise<DbHandle> {
  if ("url" in target) return openPostgres(target.url);
  return openPglite(target.dataDir);
}

function openPostgres(url: string): DbHandle {
  // JIT and parallel workers off: the app's statements are index lookups of at most a batch
  // (dashboards read the rollups), and on a ledger whose statistics lag behind (a batch of bulk
  // writes) PostgreSQL took their estimated cost for a reason to compile them (115 ms of JIT on a
  // 20 ms cycle-history lookup, 13% of a send batch) or to start a worker process beside them
  // (the same lookup took 35 ms a call over the simulated year with a worker, 19 without;
  // bench/RESULTS.md).
  const client = postgres(url, {
    max: 10,
    onnotice: () => {},
    // As text: postgres.js leaves out a startup parameter whose value is falsy, and 0 is.
    connection: { jit: "off", max_parallel_workers_per_gather: "0" },
  });
  const db = drizzlePostgres({ client, schema, casing: "snake_case" }) as unknown as Db;
  return { db, driver: "postgres", close: () => client.end({ timeout: 5 }) };
}

async function openPglite(dataDir?: string): Promise<DbHandle> {
  const release = dataDir ? acquireDataDirLock(dataDir) : () => {};
  const handle = pgliteHandle(await PGlite.create(dataDir));
  return { ...handle, close: () => handle.close().then(release) };
}

/** A handle on an open PGlite, e.g. one loaded from a migrated snapshot in tests. */
export function pgliteHandle(client: PGlite): DbHandle {
  const db = drizzlePglite({ client, schema, casing: "snake_case" }) as unknown as Db;
  return { db, driver: "pglite", close: () => client.close() };
}
