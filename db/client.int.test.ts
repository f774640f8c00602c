import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { rowsOf } from "@/db/rows";
import { onPostgresServer, openTestDb } from "@/test/db";

let handle: DbHandle;
beforeAll(async () => {
  handle = await openTestDb();
});
afterAll(() => handle.close());

// On a server, every session the app opens plans without JIT and without parallel workers
// (db/client.ts). postgres.js drops a startup parameter whose value is falsy, so a numeric 0
// silently kept the server's default of 2 workers.
describe.runIf(onPostgresServer)("the server's sessions", () => {
  it("run without JIT or parallel workers, on every connection of the pool", async () => {
    const settings = await Promise.all(
      Array.from({ length: 4 }, () =>
        handle.db.transaction(async (tx) => {
          const [row] = rowsOf<{ jit: string; workers: string }>(
            await tx.execute(sql`select current_setting('jit') as jit,
              current_setting('max_parallel_workers_per_gather') as workers from pg_sleep(0.05)`),
          );
          return row;
        }),
      ),
    );
    expect(settings).toEqual(Array.from({ length: 4 }, () => ({ jit: "off", workers: "0" })));
  });
});
