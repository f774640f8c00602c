import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { openTestDb } from "@/test/db";
import { createContact, createTenant } from "@/test/factories";
import { listContacts } from "./list";

let handle: DbHandle;
beforeAll(async () => {
  handle = await openTestDb();
});
afterAll(() => handle.close());

/** Inactive days as the list computes them, for one contact, at `now`. */
async function inactiveDays(
  timeZone: string | null,
  lastActivityAt: string,
  now: string,
  tenantZone = "UTC",
) {
  const tenant = await createTenant(handle.db, "self_study", tenantZone);
  await createContact(handle.db, tenant.id, { timeZone, lastActivityAt: new Date(lastActivityAt) });
  const { rows } = await listContacts(handle.db, tenant, {}, new Date(now));
  return rows[0]!.inactiveDays;
}

describe("inactive days count local dates in the contact's zone (SPEC §1.1)", () => {
  it.each([
    // zone, last activity (UTC), now (UTC), days
    ["Asia/Ho_Chi_Minh", "2026-01-01T16:30:00Z", "2026-01-02T17:30:00Z", 2], // Jan 1 23:30 → Jan 3 00:30 local: 25 h, 2 days
    ["Pacific/Kiritimati", "2026-01-01T09:59:00Z", "2026-01-01T10:00:00Z", 1], // UTC+14: 23:59 → 00:00 next day
    ["Pacific/Pago_Pago", "2026-01-01T10:59:00Z", "2026-01-01T11:00:00Z", 1], // UTC−11: 23:59 → 00:00
    ["Pacific/Kiritimati", "2026-01-01T10:00:00Z", "2026-01-01T11:00:00Z", 0], // same local date
    // Across the US spring-forward (2026-03-08): still calendar days, not 24 h blocks.
    ["America/New_York", "2026-03-07T05:00:00Z", "2026-03-09T04:00:00Z", 2],
    // Across the autumn fall-back in Sydney (2026-04-05).
    ["Australia/Sydney", "2026-04-04T13:00:00Z", "2026-04-05T14:00:00Z", 1],
  ])("%s: %s → %s is %i days", async (zone, last, now, days) => {
    expect(await inactiveDays(zone, last, now)).toBe(days);
  });

  it("uses the tenant's zone for a contact without one", async () => {
    // 2026-01-01T20:00Z is Jan 2 03:00 in Ho Chi Minh City but still Jan 1 in Chicago.
    expect(
      await inactiveDays(null, "2026-01-01T20:00:00Z", "2026-01-02T10:00:00Z", "Asia/Ho_Chi_Minh"),
    ).toBe(0);
    expect(
      await inactiveDays(null, "2026-01-01T20:00:00Z", "2026-01-02T10:00:00Z", "America/Chicago"),
    ).toBe(1);
  });
});

describe("listContacts", () => {
  async function tenantWithContacts() {
    const tenant = await createTenant(handle.db, "self_study", "Asia/Ho_Chi_Minh");
    const at = (iso: string) => new Date(iso);
    await createContact(handle.db, tenant.id, {
      name: "An Nguyen",
      email: "an@mail.example",
      tags: ["vip"],
      lastActivityAt: at("2026-11-20T03:00:00Z"),
    });
    await createContact(handle.db, tenant.id, {
      name: "Binh Tran",
      email: "binh@mail.example",
      tags: ["vip", "trial"],
      lastActivityAt: at("2026-10-01T03:00:00Z"),
    });
    await createContact(handle.db, tenant.id, {
      name: "Chi 100%_off",
      email: "chi@other.example",
      tags: [],
      lastActivityAt: at("2025-01-01T03:00:00Z"),
    });
    await createContact(handle.db, tenant.id, {
      name: "Dung Never",
      email: null,
      tags: ["trial"],
      lastActivityAt: null,
    });
    return tenant;
  }
  const now = new Date("2026-11-23T05:00:00Z");

  it("filters by inactivity; contacts with no activity at all are not counted as inactive", async () => {
    const tenant = await tenantWithContacts();
    const names = async (n: number) =>
      (await listContacts(handle.db, tenant, { inactiveMoreThanDays: n }, now)).rows.map(
        (r) => r.name,
      );
    // An: Nov 20 → Nov 23 local (3 days); Binh: Oct 1 → Nov 23 (53 days).
    expect(await names(2)).toEqual(["An Nguyen", "Binh Tran", "Chi 100%_off"]);
    expect(await names(3)).toEqual(["Binh Tran", "Chi 100%_off"]);
    expect(await names(52)).toEqual(["Binh Tran", "Chi 100%_off"]);
    expect(await names(53)).toEqual(["Chi 100%_off"]);
    expect(await names(0)).toEqual(["An Nguyen", "Binh Tran", "Chi 100%_off"]);
  });

  it("searches name and email case-insensitively, treating % and _ literally", async () => {
    const tenant = await tenantWithContacts();
    const names = async (search: string) =>
      (await listContacts(handle.db, tenant, { search }, now)).rows.map((r) => r.name);
    expect(await names("NGUYEN")).toEqual(["An Nguyen"]);
    expect(await names("@mail.example")).toEqual(["An Nguyen", "Binh Tran"]);
    expect(await names("100%_")).toEqual(["Chi 100%_off"]);
    expect(await names("%")).toEqual(["Chi 100%_off"]);
  });

  it("filters by tag and combines filters", async () => {
    const tenant = await tenantWithContacts();
    const list = (input: object) => listContacts(handle.db, tenant, input, now);
    expect((await list({ tag: "trial" })).rows.map((r) => r.name)).toEqual([
      "Binh Tran",
      "Dung Never",
    ]);
    expect((await list({ tag: "vip", inactiveMoreThanDays: 10 })).rows.map((r) => r.name)).toEqual([
      "Binh Tran",
    ]);
  });

  it("pages in a stable order and reports the total", async () => {
    const tenant = await tenantWithContacts();
    const page1 = await listContacts(handle.db, tenant, { pageSize: 5, page: 1 }, now);
    expect(page1.total).toBe(4);
    const pageA = await listContacts(handle.db, tenant, { pageSize: 5, page: 2 }, now);
    expect(pageA.rows).toEqual([]);
    expect(pageA.total).toBe(4);
  });
});
