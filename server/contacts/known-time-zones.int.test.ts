import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { openTestDb } from "@/test/db";
import { unknownTimeZones } from "./known-time-zones";

let handle: DbHandle;
beforeAll(async () => {
  handle = await openTestDb();
});
afterAll(() => handle.close());

describe("unknownTimeZones", () => {
  it("names the zones the database lacks, the same when asked again from memory", async () => {
    // Node accepts the retired US/Pacific-New; the database's tz data no longer has it.
    const zones = ["Asia/Ho_Chi_Minh", "US/Pacific-New", "Pacific/Kiritimati", "Asia/Ho_Chi_Minh"];
    for (let ask = 0; ask < 2; ask++) {
      expect(await unknownTimeZones(handle.db, zones)).toEqual(new Set(["US/Pacific-New"]));
    }
    expect(await unknownTimeZones(handle.db, [])).toEqual(new Set());
  });
});
