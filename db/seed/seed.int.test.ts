import { count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import {
  activityEvents,
  contacts,
  memberships,
  templateRevisions,
  tenants,
  users,
} from "@/db/schema";
import { openTestDb } from "@/test/db";
import { demoTenants } from "./demo-tenants";
import { seedDemo, seedIfEmpty } from "./index";

// The full size's contacts and catalog, without the year of history (minutes at this size; the
// history has its own test at the small size: history.int.test.ts).
describe("demo seed", () => {
  let handle: DbHandle;
  const now = new Date("2026-11-23T00:00:00Z");
  beforeAll(async () => {
    handle = await openTestDb();
    await seedIfEmpty(handle.db, now, "full", { history: false });
  }, 120_000);
  afterAll(() => handle?.close());

  const total = async (table: typeof contacts | typeof activityEvents | typeof users) =>
    (await handle.db.select({ n: count() }).from(table))[0]!.n;

  it("creates both presets with thousands of contacts, a year of history, one user per role and a second marketer", async () => {
    const rows = await handle.db.select().from(tenants);
    expect(rows.map((t) => [t.slug, t.kind]).sort()).toEqual([
      ["brightside-home", "home_services"],
      ["lotus-english", "self_study"],
    ]);
    expect(await total(contacts)).toBe(demoTenants.reduce((n, t) => n + t.contactCount, 0));
    expect(await total(activityEvents)).toBeGreaterThan(40_000);
    const roles = await handle.db.select({ roles: memberships.roles }).from(memberships);
    expect(roles.map((r) => r.roles[0]).sort()).toEqual([
      "analyst",
      "analyst",
      "marketer",
      "marketer",
      "marketer",
      "marketer",
      "owner",
      "owner",
    ]);
  });

  it("has every variant written by one marketer and approved by the other, as the demo shows", async () => {
    const emails = new Map(
      (await handle.db.select().from(users)).map((u) => [u.id, u.email.split("@")[0]]),
    );
    const revisions = await handle.db.select().from(templateRevisions);
    expect(revisions.length).toBeGreaterThan(0);
    const people = new Set(
      revisions.map((r) => `${emails.get(r.authorId)} → ${emails.get(r.reviewerId!)}`),
    );
    expect([...people]).toEqual(["marketer → marketer2"]);
  });

  it("spreads contacts over many zones, including DST and both sides of the date line", async () => {
    const zones = new Set(
      (await handle.db.selectDistinct({ z: contacts.timeZone }).from(contacts)).map((r) => r.z),
    );
    for (const zone of [
      "Asia/Ho_Chi_Minh",
      "Pacific/Kiritimati",
      "Pacific/Pago_Pago",
      "Australia/Sydney",
      "America/New_York",
      "America/Phoenix",
    ]) {
      expect(zones).toContain(zone);
    }
  });

  it("has more than 12 months of activity with revenue", async () => {
    const [homeServices] = await handle.db
      .select()
      .from(tenants)
      .where(eq(tenants.slug, "brightside-home"));
    const events = await handle.db
      .select()
      .from(activityEvents)
      .where(eq(activityEvents.tenantId, homeServices!.id));
    const oldest = Math.min(...events.map((e) => e.occurredAt.getTime()));
    expect(now.getTime() - oldest).toBeGreaterThan(365 * 86_400_000);
    expect(events.every((e) => e.revenueMinor > 0)).toBe(true);
  });

  it("records purchases with their revenue and currency in the self-study tenant", async () => {
    const [lotus] = await handle.db.select().from(tenants).where(eq(tenants.slug, "lotus-english"));
    const purchases = await handle.db
      .select()
      .from(activityEvents)
      .where(eq(activityEvents.tenantId, lotus!.id))
      .then((rows) => rows.filter((e) => e.kind === "purchase"));
    expect(purchases.length).toBeGreaterThan(100);
    expect(purchases.every((p) => p.revenueMinor > 0 && p.currency === "VND")).toBe(true);
  });

  it("leaves the presets untouched", async () => {
    const { homeServicesPreset } = await import("@/db/presets");
    expect(homeServicesPreset.offer).toBeNull();
  });

  it("is idempotent: a second run adds nothing", async () => {
    const before = [await total(contacts), await total(activityEvents), await total(users)];
    const reports = await seedDemo(handle.db, new Date("2026-12-01T00:00:00Z"));
    expect(reports.every((r) => !r.created)).toBe(true);
    expect([await total(contacts), await total(activityEvents), await total(users)]).toEqual(
      before,
    );
    expect(await seedIfEmpty(handle.db, now)).toBeNull();
  });
});
