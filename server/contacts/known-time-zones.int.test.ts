import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db, DbHandle } from "@/db/client";
import { openTestDb } from "@/test/db";
import { unknownTimeZones } from "./known-time-zones";

let handle: DbHandle;
beforeAll(async () => {
  handle = await openTestDb();
});
afterAll(() => handle.close());

describe("unknownTimeZones", () => {
  it("names the zones the database lacks, and remembers those it knows", async () => {
    // Node accepts the retired US/Pacific-New; the database's tz data no longer has it.
    const zones = ["Asia/Ho_Chi_Minh", "US/Pacific-New", "Pacific/Kiritimati", "Asia/Ho_Chi_Minh"];
    expect(await unknownTimeZones(handle.db, zones)).toEqual(new Set(["US/Pacific-New"]));
    // Asked again, the known zones are answered from memory: this database cannot be read.
    const unreadable = {
      select: () => {
        throw new Error("the database was asked");
      },
    } as unknown as Db;
    expect(await unknownTimeZones(unreadable, ["Pacific/Kiritimati", "Asia/Ho_Chi_Minh"])).toEqual(
      new Set(),
    );
    expect(await unknownTimeZones(handle.db, zones)).toEqual(new Set(["US/Pacific-New"]));
    expect(await unknownTimeZones(unreadable, [])).toEqual(new Set());
  });
});
