import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { contacts } from "@/db/schema";
import { openTestDb } from "@/test/db";
import { deliveriesOf, eventsOf, recordingProvider } from "@/test/engine";
import { callerFor, createContact, createMember, createTenant } from "@/test/factories";
import { contactTimeline } from "../explain/timeline";
import { runEngineTick } from "../worker";

let handle: DbHandle;
beforeAll(async () => {
  handle = await openTestDb();
});
afterAll(() => handle.close());

const hcm = "Asia/Ho_Chi_Minh";
const lastExercise = new Date("2026-01-01T03:00:00Z"); // 10:00 local
const now = new Date("2026-02-01T03:00:00Z"); // 31 days later, 10:00 local: `month` is due
const minutes = (n: number) => new Date(now.getTime() + n * 60_000);

/** Two workspaces of learners dormant for a month, on web push. */
async function world(perTenant: number) {
  const tenants = [
    await createTenant(handle.db, "self_study", hcm),
    await createTenant(handle.db, "self_study", hcm),
  ];
  const learners = [];
  for (const tenant of tenants)
    for (let i = 0; i < perTenant; i++)
      learners.push(
        await createContact(handle.db, tenant.id, {
          timeZone: hcm,
          channels: { web_push: "subscribed" },
          lastActivityAt: lastExercise,
          nextCheckAt: lastExercise,
        }),
      );
  return { tenants, learners, ...recordingProvider(handle.db) };
}

/** Forces a row the boundary would refuse straight into the database, as a bug or SQL might. */
async function poison(contactId: string, column: "last_activity_at" | "time_zone", value: string) {
  await handle.db.execute(
    sql`update contacts set ${sql.identifier(column)} = ${value} where id = ${contactId}`,
  );
}

const sentOf = async (contactId: string) =>
  (await deliveriesOf(handle.db, contactId))
    .filter((d) => d.status === "sent")
    .map((d) => `${d.stage}/${d.channel}`);

const contactRow = async (id: string) =>
  (await handle.db.select().from(contacts).where(eq(contacts.id, id)))[0]!;

describe("one failing contact never stops the others (issue: isolation in the engine)", () => {
  it("a last activity in the year 9999 is set aside; everyone else in both workspaces plans and sends", async () => {
    const { learners, provider, callsOf } = await world(6);
    const poisoned = learners[3]!;
    await poison(poisoned.id, "last_activity_at", "9999-12-31T23:59:59Z");

    const tick = await runEngineTick(handle.db, provider, now);

    expect(tick.planned).toBe(learners.length);
    for (const learner of learners.filter((l) => l.id !== poisoned.id)) {
      expect(callsOf(learner.id).map((c) => c.channel)).toEqual(["web_push"]);
      expect(await sentOf(learner.id)).toEqual(["month/web_push"]);
    }
    expect(callsOf(poisoned.id)).toEqual([]);
    const row = await contactRow(poisoned.id);
    expect(row.engineFailures).toBe(1);
    expect(row.engineError).toMatch(/out of range/);
    expect(row.nextCheckAt).toEqual(minutes(1));
    const errors = (await eventsOf(handle.db, poisoned.id)).filter(
      (e) => e.type === "engine_error",
    );
    expect(errors).toHaveLength(1);
    expect(errors[0]!.reason).toBe("plan_failed");
    expect(errors[0]!.data).toMatchObject({ failures: 1, retryAt: minutes(1).toISOString() });

    // Its own timeline still opens and says what failed and when it is tried again.
    const timeline = (await contactTimeline(handle.db, poisoned.tenantId, poisoned.id))!;
    expect(timeline.events.map((e) => e.type)).toContain("engine_error");
    expect(timeline.attention).toMatchObject({ failures: 1, retryAt: minutes(1) });

    // Listed for its workspace as needing attention; the other workspace lists nothing.
    const [mine, theirs] = await Promise.all(
      [poisoned.tenantId, learners.find((l) => l.tenantId !== poisoned.tenantId)!.tenantId].map(
        async (tenantId) =>
          callerFor(handle.db, (await createMember(handle.db, tenantId, ["owner"])).id, tenantId),
      ),
    );
    expect(await mine!.contacts.attention()).toMatchObject({
      total: 1,
      rows: [{ id: poisoned.id, failures: 1, error: expect.stringMatching(/out of range/) }],
    });
    expect((await mine!.contacts.list({ needsAttention: true })).rows.map((r) => r.id)).toEqual([
      poisoned.id,
    ]);
    expect(await theirs!.contacts.attention()).toEqual({ total: 0, rows: [] });
  });

  it("backs off while the contact keeps failing, and recovers once its row is repaired", async () => {
    const { learners, provider, callsOf } = await world(2);
    const poisoned = learners[0]!;
    await poison(poisoned.id, "last_activity_at", "9999-12-31T23:59:59Z");
    await runEngineTick(handle.db, provider, now);
    // Before its backoff has run out nothing is tried; after it, the next failure waits longer.
    await runEngineTick(handle.db, provider, minutes(0.5));
    expect((await contactRow(poisoned.id)).engineFailures).toBe(1);
    await runEngineTick(handle.db, provider, minutes(1));
    expect(await contactRow(poisoned.id)).toMatchObject({
      engineFailures: 2,
      nextCheckAt: minutes(1 + 5),
    });

    await poison(poisoned.id, "last_activity_at", lastExercise.toISOString());
    await runEngineTick(handle.db, provider, minutes(6));
    const row = await contactRow(poisoned.id);
    expect(row).toMatchObject({ engineFailures: 0, engineError: null, engineErrorAt: null });
    expect(callsOf(poisoned.id).map((c) => c.channel)).toEqual(["web_push"]);
    const types = (await eventsOf(handle.db, poisoned.id)).map((e) => e.type);
    expect(types.filter((t) => t === "engine_error")).toHaveLength(2);
    expect(types).toContain("engine_recovered");
  });

  it("a workspace whose stored settings are broken is set aside; the other workspace plans and sends", async () => {
    const { tenants, learners, provider, callsOf } = await world(3);
    await breakSettings(tenants[1]!.id);

    await runEngineTick(handle.db, provider, now);

    const [healthy, broken] = [0, 1].map((t) =>
      learners.filter((l) => l.tenantId === tenants[t]!.id),
    );
    for (const learner of healthy!) expect(await sentOf(learner.id)).toEqual(["month/web_push"]);
    for (const learner of broken!) {
      expect(callsOf(learner.id)).toEqual([]);
      expect(await contactRow(learner.id)).toMatchObject({ engineFailures: 1 });
    }
  });

  it("deliveries whose sending fails are set aside; the batch's other deliveries go out", async () => {
    const { tenants, learners, provider, callsOf } = await world(3);
    // Planned while healthy (03:00 local, quiet hours); broken before the 08:00 send.
    await runEngineTick(handle.db, provider, new Date("2026-01-31T20:00:00Z"));
    await breakSettings(tenants[1]!.id);
    const eight = new Date("2026-02-01T01:00:00Z");

    const tick = await runEngineTick(handle.db, provider, eight);

    expect(tick.outcomes).toEqual({ sent: 3, set_aside: 3 });
    for (const learner of learners.filter((l) => l.tenantId === tenants[0]!.id))
      expect(callsOf(learner.id)).toHaveLength(1);
    const learner = learners.find((l) => l.tenantId === tenants[1]!.id)!;
    expect(callsOf(learner.id)).toEqual([]);
    const month = (await deliveriesOf(handle.db, learner.id)).find(
      (d) => d.stage === "month" && d.channel === "web_push",
    )!;
    // Still claimed, until the backoff has run out.
    expect(month).toMatchObject({
      status: "sending",
      nextAttemptAt: new Date(eight.getTime() + 60_000),
    });
    const errors = (await eventsOf(handle.db, learner.id)).filter((e) => e.type === "engine_error");
    expect(errors.map((e) => [e.reason, e.deliveryId])).toEqual([["send_failed", month.id]]);
  });
});

/** Stored settings that no longer pass validation (a bad manual edit, an old format). */
async function breakSettings(tenantId: string) {
  await handle.db.execute(
    sql`update tenant_settings set settings = '{"cadence": "every day"}' where tenant_id = ${tenantId}`,
  );
}
