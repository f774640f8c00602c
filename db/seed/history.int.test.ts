import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { and, asc, count, eq, gte, lt, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pgliteHandle, type Db, type DbHandle } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";
import {
  activityEvents,
  attempts,
  contacts,
  cycles,
  deliveries,
  engineEvents,
  reminders,
  tenants,
} from "@/db/schema";
import { rowsOf } from "@/db/rows";
import { isHeldOut } from "@/server/metrics/holdout";
import { onPostgresServer, openTestDb } from "@/test/db";
import { historyStart, seedDemo, seedDemoWorkspaces, seedIfEmpty } from "./index";
import {
  CONTACT_TABLES,
  DERIVED_TABLES,
  exportContactTables,
  importContactTables,
} from "./transfer";

const DAY = 86_400_000;
const now = new Date("2026-11-23T00:00:00Z");
const start = historyStart(now);

describe("the demo's year of history (small seed)", () => {
  let handle: DbHandle;
  let db: Db;
  let lotus: string;
  let brightside: string;
  beforeAll(async () => {
    handle = await openTestDb();
    db = handle.db;
    await seedIfEmpty(db, now, "small");
    const ids = new Map((await db.select().from(tenants)).map((t) => [t.slug, t.id]));
    lotus = ids.get("lotus-english")!;
    brightside = ids.get("brightside-home")!;
  }, 180_000);
  afterAll(() => handle?.close());

  it("was made by the engine: reminders planned and sent all through the year, each send an attempt", async () => {
    const sent = await db
      .select({ tenantId: attempts.tenantId, at: attempts.startedAt })
      .from(attempts)
      .where(eq(attempts.outcome, "sent"));
    for (const tenantId of [lotus, brightside])
      expect(sent.filter((a) => a.tenantId === tenantId).length).toBeGreaterThan(50);
    expect(sent.every((a) => a.at >= start && a.at <= now)).toBe(true);
    // Sends in at least 11 of the 12 months.
    const months = new Set(sent.map((a) => Math.floor((+a.at - +start) / (DAY * 30.5))));
    expect(months.size).toBeGreaterThanOrEqual(11);
    // Every sent delivery went through the provider: an attempt with the outcome `sent`.
    const [unattempted] = rowsOf<{ n: number }>(
      await db.execute(sql`select count(*)::int as n from deliveries d where d.status = 'sent'
        and not exists (select 1 from attempts a where a.delivery_id = d.id and a.outcome = 'sent')`),
    );
    expect(unattempted!.n).toBe(0);
    // And the engine explained each decision on the contacts' timelines.
    const types = new Set(
      (await db.selectDistinct({ type: engineEvents.type }).from(engineEvents)).map((e) => e.type),
    );
    for (const type of ["cycle_started", "stage_reached", "sent", "clicked"])
      expect(types).toContain(type);
  });

  it("holds out about 10% of the home-services cycles by the salted hash, and none of the learning app's", async () => {
    const rows = await db
      .select({
        tenantId: cycles.tenantId,
        heldOut: cycles.heldOut,
        startedAt: cycles.startedAt,
        externalId: contacts.externalId,
        salt: tenants.holdoutSalt,
      })
      .from(cycles)
      .innerJoin(contacts, eq(contacts.id, cycles.contactId))
      .innerJoin(tenants, eq(tenants.id, cycles.tenantId));
    const home = rows.filter((r) => r.tenantId === brightside);
    for (const r of home) expect(r.heldOut).toBe(isHeldOut(r.salt, r.externalId, r.startedAt, 10));
    const share = home.filter((r) => r.heldOut).length / home.length;
    expect(share).toBeGreaterThan(0.04);
    expect(share).toBeLessThan(0.18);
    expect(rows.filter((r) => r.tenantId === lotus && r.heldOut)).toEqual([]);

    const heldOut = await db
      .select({ tenantId: deliveries.tenantId, attempts: deliveries.attemptCount })
      .from(deliveries)
      .where(eq(deliveries.status, "held_out"));
    expect(heldOut.length).toBeGreaterThan(0);
    expect(heldOut.every((d) => d.tenantId === brightside && d.attempts === 0)).toBe(true);
  });

  it("has returns, most clicks shortly before one, and returns soon after reminders", async () => {
    const returned = await db
      .select({ tenantId: cycles.tenantId, n: count() })
      .from(cycles)
      .where(sql`${cycles.returnedAt} is not null`)
      .groupBy(cycles.tenantId);
    for (const tenantId of [lotus, brightside])
      expect(returned.find((r) => r.tenantId === tenantId)?.n ?? 0).toBeGreaterThan(5);
    const reactivated = await db
      .select({ n: count() })
      .from(engineEvents)
      .where(eq(engineEvents.type, "reactivated"));
    expect(reactivated[0]!.n).toBeGreaterThan(0);

    // A learner who opens the link is often back within the hour (returns through a reminder
    // mostly start with a click).
    const clicks = await db
      .select({ contactId: engineEvents.contactId, at: engineEvents.at })
      .from(engineEvents)
      .where(and(eq(engineEvents.type, "clicked"), eq(engineEvents.tenantId, lotus)));
    expect(clicks.length).toBeGreaterThan(10);
    const activity = await db
      .select({ contactId: activityEvents.contactId, at: activityEvents.occurredAt })
      .from(activityEvents)
      .where(
        and(
          eq(activityEvents.tenantId, lotus),
          eq(activityEvents.kind, "exercise_completed"),
          gte(activityEvents.occurredAt, start),
        ),
      );
    const backWithin = (contactId: string, from: Date, ms: number) =>
      activity.some((a) => a.contactId === contactId && a.at > from && +a.at - +from <= ms);
    const followed = clicks.filter((c) => backWithin(c.contactId, c.at, 3_600_000)).length;
    expect(followed / clicks.length).toBeGreaterThan(0.4);

    // A customer comes back in the 8 days after a reminder far more often than chance would
    // have it: those days are a small part of the customer's year.
    const sends = await db
      .select({ contactId: deliveries.contactId, at: attempts.startedAt })
      .from(attempts)
      .innerJoin(deliveries, eq(deliveries.id, attempts.deliveryId))
      .where(and(eq(attempts.tenantId, brightside), eq(attempts.outcome, "sent")));
    const returns = await db
      .select({ contactId: cycles.contactId, at: cycles.returnedAt })
      .from(cycles)
      .where(and(eq(cycles.tenantId, brightside), sql`${cycles.returnedAt} is not null`));
    const window = 8 * DAY;
    const soon = returns.filter((r) =>
      sends.some(
        (s) => s.contactId === r.contactId && +r.at! - +s.at >= 0 && +r.at! - +s.at <= window,
      ),
    ).length;
    // A reminder goes out on both channels at once: count the days it went out on.
    const sendDays = (contactId: string) =>
      new Set(sends.filter((s) => s.contactId === contactId).map((s) => Math.floor(+s.at / DAY)))
        .size;
    const covered =
      returns.reduce((days, r) => days + sendDays(r.contactId) * window, 0) /
      returns.length /
      (365 * DAY);
    expect(soon / returns.length).toBeGreaterThan(3 * covered);
  });

  it("records revenue the niche way: jobs of 150–600 USD, renewals in VND, purchases after returns", async () => {
    const year = await db
      .select()
      .from(activityEvents)
      .where(and(gte(activityEvents.occurredAt, start), lt(activityEvents.occurredAt, now)));
    const jobs = year.filter((e) => e.tenantId === brightside && e.kind === "job_completed");
    expect(jobs.length).toBeGreaterThan(10);
    for (const job of jobs) {
      expect(job.currency).toBe("USD");
      expect(job.revenueMinor).toBeGreaterThanOrEqual(15_000);
      expect(job.revenueMinor).toBeLessThanOrEqual(60_000);
    }
    const purchases = year.filter((e) => e.kind === "purchase");
    const currencies = new Set(purchases.map((p) => `${p.tenantId === lotus}:${p.currency}`));
    expect(currencies).toEqual(new Set(["true:VND", "false:USD"]));
    expect(purchases.every((p) => p.revenueMinor > 0)).toBe(true);
    // Some purchases follow a return through a reminder within a few hours.
    const returns = await db
      .select({ contactId: cycles.contactId, at: cycles.returnedAt })
      .from(cycles)
      .where(sql`${cycles.returnedAt} is not null`);
    const afterReturn = purchases.filter((p) =>
      returns.some(
        (r) =>
          r.contactId === p.contactId &&
          +p.occurredAt - +r.at! <= 3 * 3_600_000 &&
          p.occurredAt > r.at!,
      ),
    );
    expect(afterReturn.length).toBeGreaterThan(0);
  });

  it("has failed sends: retried after a transient failure, and given up on for good", async () => {
    const outcomes = new Set(
      (await db.selectDistinct({ o: attempts.outcome }).from(attempts)).map((a) => a.o),
    );
    expect(outcomes).toContain("failed_transient");
    expect(outcomes).toContain("failed_permanent");
    const failed = await db.select().from(deliveries).where(eq(deliveries.status, "failed"));
    expect(failed.length).toBeGreaterThan(0);
  });

  it("ends at now: nothing recorded after it, nothing left due before it", async () => {
    const [late] = rowsOf<{ n: number }>(
      await db.execute(sql`select (
        (select count(*) from engine_events where at > ${now.toISOString()}::timestamptz)
        + (select count(*) from activity_events where occurred_at >= ${now.toISOString()}::timestamptz)
        + (select count(*) from contacts where next_check_at < ${now.toISOString()}::timestamptz)
        + (select count(*) from deliveries where status in ('pending', 'sending')
            and next_attempt_at < ${now.toISOString()}::timestamptz))::int as n`),
    );
    expect(late!.n).toBe(0);
    // Today's arrivals wait for the live engine's first look; everyone else was seen in the year.
    const arrivals = await db
      .select({ n: count() })
      .from(contacts)
      .where(eq(contacts.nextCheckAt, now));
    expect(arrivals[0]!.n).toBeGreaterThan(10);
  });

  it("is deterministic: the same seed makes the same history", async () => {
    const other = await openTestDb();
    try {
      await seedIfEmpty(other.db, now, "small");
      expect(await historyDigest(other.db)).toEqual(await historyDigest(db));
    } finally {
      await other.close();
    }
  }, 180_000);

  it("is idempotent: seeding again changes nothing", async () => {
    const before = await tableCounts(db);
    const reports = await seedDemo(db, new Date(+now + DAY), "small");
    expect(reports.every((r) => !r.created)).toBe(true);
    expect(await seedIfEmpty(db, now, "small")).toBeNull();
    expect(await tableCounts(db)).toEqual(before);
  });

  it.skipIf(onPostgresServer)(
    "copies into a database with the workspaces alone, whole (the background build's path)",
    async () => {
      const client = (db as unknown as { $client: PGlite }).$client;
      // Every table the seed filled for the workspaces is either theirs or copied.
      const filled = rowsOf<{ table_name: string }>(
        await db.execute(sql`select table_name from information_schema.columns
          where column_name = 'tenant_id' and table_schema = 'public'`),
      ).map((r) => r.table_name);
      const workspaceTables = [
        "tenants",
        "tenant_settings",
        "memberships",
        "templates",
        "template_revisions",
        // The activation: entitled and activated with the workspace, audited.
        "tenant_entitlements",
        "tenant_modules",
        "audit_log",
      ];
      for (const table of filled) {
        const [row] = rowsOf<{ n: number }>(
          await db.execute(sql`select count(*)::int as n from ${sql.identifier(table)}`),
        );
        if (row!.n > 0 && !workspaceTables.includes(table))
          expect([...CONTACT_TABLES, ...DERIVED_TABLES] as string[]).toContain(table);
      }
      const dir = await mkdtemp(path.join(tmpdir(), "rekindle-transfer-"));
      const target = pgliteHandle(await PGlite.create());
      try {
        await migrateDatabase(target);
        await seedDemoWorkspaces(target.db, now, "small");
        await exportContactTables(client, [lotus, brightside], dir);
        await importContactTables(target.db, dir);
        expect(await tableCounts(target.db)).toEqual(await tableCounts(db));
        expect(await historyDigest(target.db)).toEqual(await historyDigest(db));
      } finally {
        await target.close();
        await rm(dir, { recursive: true, force: true });
      }
    },
    60_000,
  );
});

async function tableCounts(db: Db): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  const tables = [
    ...CONTACT_TABLES,
    ...DERIVED_TABLES,
    "tenants",
    "users",
    "memberships",
    "templates",
  ];
  for (const table of tables) {
    const [row] = rowsOf<{ n: number }>(
      await db.execute(sql`select count(*)::int as n from ${sql.identifier(table)}`),
    );
    counts[table] = row!.n;
  }
  return counts;
}

/** What happened to whom and when: deliveries and activity (ids and links are random). */
async function historyDigest(db: Db): Promise<string[]> {
  const planned = await db
    .select({
      contact: contacts.externalId,
      stage: reminders.key,
      channel: deliveries.channel,
      status: deliveries.status,
      due: deliveries.dueAt,
    })
    .from(deliveries)
    .innerJoin(reminders, eq(reminders.id, deliveries.reminderId))
    .innerJoin(contacts, eq(contacts.id, deliveries.contactId))
    .orderBy(asc(contacts.externalId), asc(deliveries.dueAt), asc(deliveries.channel));
  const done = await db
    .select({
      contact: contacts.externalId,
      kind: activityEvents.kind,
      at: activityEvents.occurredAt,
      revenue: activityEvents.revenueMinor,
    })
    .from(activityEvents)
    .innerJoin(contacts, eq(contacts.id, activityEvents.contactId))
    .orderBy(asc(contacts.externalId), asc(activityEvents.occurredAt), asc(activityEvents.kind));
  return [
    ...planned.map(
      (d) => `${d.contact} ${d.stage} ${d.channel} ${d.status} ${d.due.toISOString()}`,
    ),
    ...done.map((a) => `${a.contact} ${a.kind} ${a.at.toISOString()} ${a.revenue}`),
  ];
}
