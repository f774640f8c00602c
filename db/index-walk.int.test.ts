import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { rowsOf } from "@/db/rows";
import { openTestDb } from "@/test/db";
import { asIndexWalk } from "./index-walk";

let handle: DbHandle;
beforeAll(async () => {
  handle = await openTestDb();
});
afterAll(() => handle.close());

const settings = sql`select current_setting('enable_sort') as sort,
  current_setting('enable_seqscan') as seqscan, current_setting('enable_mergejoin') as mergejoin`;

describe("asIndexWalk", () => {
  it("plans its read without the other plan shapes, then puts back what the transaction had", async () => {
    const seen = await handle.db.transaction(async (tx) => {
      // Set by the transaction before the walk: it must survive it.
      await tx.execute(sql`set local enable_mergejoin = off`);
      const during = await asIndexWalk(tx, async () => rowsOf(await tx.execute(settings))[0]);
      const after = rowsOf(await tx.execute(settings))[0];
      return { during, after };
    });
    expect(seen).toEqual({
      during: { sort: "off", seqscan: "off", mergejoin: "off" },
      after: { sort: "on", seqscan: "on", mergejoin: "off" },
    });
    const [outside] = rowsOf(await handle.db.execute(settings));
    expect(outside).toEqual({ sort: "on", seqscan: "on", mergejoin: "on" });
  });
});
