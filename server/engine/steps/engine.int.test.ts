import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { contacts } from "@/db/schema";
import { openTestDb } from "@/test/db";
import { deliveriesOf, eventsOf, outboxOf, recordingProvider } from "@/test/engine";
import { createContact, createKey, createTenant } from "@/test/factories";
import { runBatch } from "@/server/http/batch-request";
import { recordInline } from "@/server/activity/recorders";
import { activityBatch } from "@/server/http/endpoints";
import { contactTimeline } from "../explain/timeline";
import { runUntil } from "../virtual-time";
import { CLAIM_LEASE_MS, dispatchDue } from "./dispatch";
import { plan } from "./plan";
import { recordActivity } from "./record-activity";
import { recordClick } from "./record-click";
import { send } from "./send";
import { apiRequest } from "@/test/api-request";

let handle: DbHandle;
beforeAll(async () => {
  handle = await openTestDb();
});
afterAll(() => handle.close());

const hcm = "Asia/Ho_Chi_Minh";
const both = { web_push: "subscribed", zalo: "subscribed" } as const;

/** A self-study learner (web push + Zalo) whose last exercise was at `last`. */
async function learner(last: string, fields: Parameters<typeof createContact>[2] = {}) {
  const tenant = await createTenant(handle.db, "self_study", hcm);
  const contact = await createContact(handle.db, tenant.id, {
    // Family name first, as the self-study preset expects: greeted "Lan".
    name: "Nguyễn Thị Lan",
    timeZone: hcm,
    channels: both,
    lastActivityAt: new Date(last),
    nextCheckAt: new Date(last),
    ...fields,
  });
  return { tenant, contact, ...recordingProvider(handle.db) };
}

const summary = (rows: Awaited<ReturnType<typeof deliveriesOf>>) =>
  rows.map((d) => `${d.stage}/${d.channel}: ${d.status} due ${d.dueAt.toISOString()}`);

describe("planning and sending (SPEC §1.1–1.2)", () => {
  it("sends streak_lost at 08:00 local on the day it is reached, on both channels at once", async () => {
    // Last exercise Jan 1 21:00 local → streak_lost reached Jan 3 00:00 local, sent 08:00 local.
    const { contact, provider } = await learner("2026-01-01T14:00:00Z");
    await runUntil(
      handle.db,
      provider,
      new Date("2026-01-01T15:00:00Z"),
      new Date("2026-01-05T00:00:00Z"),
    );
    expect(summary(await deliveriesOf(handle.db, contact.id))).toEqual([
      "streak_lost/web_push: sent due 2026-01-03T01:00:00.000Z",
      "streak_lost/zalo: sent due 2026-01-03T01:00:00.000Z",
    ]);
    const outbox = await outboxOf(handle.db, contact.id);
    expect(outbox).toHaveLength(2);
    expect(outbox[0]!.text).toContain("Hi Lan!");
    const [row] = await handle.db.select().from(contacts).where(eq(contacts.id, contact.id));
    expect(row!.tags).toContain("reactivation:streak_lost");
    expect(row!.nextCheckAt?.toISOString()).toBe("2026-01-07T17:00:00.000Z"); // week, Jan 8 00:00 local
  });

  it("an already-dormant import gets only the highest stage, right away outside quiet hours", async () => {
    const { contact, provider } = await learner("2025-11-01T03:00:00Z");
    const seen = new Date("2026-01-01T03:00:00Z"); // 10:00 local, 61 days later
    await runUntil(handle.db, provider, seen, new Date("2026-01-01T04:00:00Z"));
    expect(summary(await deliveriesOf(handle.db, contact.id))).toEqual([
      "streak_lost/web_push: superseded due 2025-11-02T17:00:00.000Z",
      "streak_lost/zalo: superseded due 2025-11-02T17:00:00.000Z",
      "week/web_push: superseded due 2025-11-07T17:00:00.000Z",
      "week/zalo: superseded due 2025-11-07T17:00:00.000Z",
      "month/web_push: sent due 2026-01-01T03:00:00.000Z",
      "month/zalo: sent due 2026-01-01T03:00:00.000Z",
    ]);
  });

  it("moves a reminder first seen in quiet hours to the next 08:00, and explains why", async () => {
    const { contact, provider } = await learner("2025-12-20T03:00:00Z");
    await runUntil(
      handle.db,
      provider,
      new Date("2026-01-01T16:00:00Z"),
      new Date("2026-01-01T16:00:01Z"),
    ); // 23:00 local
    const [week] = (await deliveriesOf(handle.db, contact.id)).filter(
      (d) => d.status === "pending",
    );
    expect(week?.dueAt.toISOString()).toBe("2026-01-02T01:00:00.000Z");
    const reasons = (await eventsOf(handle.db, contact.id)).map((e) => e.type);
    expect(reasons).toEqual(expect.arrayContaining(["stage_reached", "deferred_quiet_hours"]));
  });

  it("skips an opted-out channel and goes on with the other (unsubscribing stops that channel only)", async () => {
    const { contact, provider } = await learner("2026-01-01T03:00:00Z", {
      channels: { web_push: "subscribed", zalo: "unsubscribed" },
    });
    await runUntil(
      handle.db,
      provider,
      new Date("2026-01-01T04:00:00Z"),
      new Date("2026-01-04T00:00:00Z"),
    );
    expect(
      (await deliveriesOf(handle.db, contact.id)).map((d) => [d.channel, d.status, d.reason]),
    ).toEqual([
      ["web_push", "sent", null],
      ["zalo", "skipped", "opted_out"],
    ]);
  });

  it("plans nothing for a do-not-contact contact until the tag is removed", async () => {
    const { contact, provider } = await learner("2025-12-01T03:00:00Z", {
      tags: ["do-not-contact"],
    });
    await runUntil(
      handle.db,
      provider,
      new Date("2026-01-01T03:00:00Z"),
      new Date("2026-01-02T00:00:00Z"),
    );
    expect(await deliveriesOf(handle.db, contact.id)).toEqual([]);
    await handle.db
      .update(contacts)
      .set({ tags: [], nextCheckAt: new Date("2026-01-02T03:00:00Z") })
      .where(eq(contacts.id, contact.id));
    await runUntil(
      handle.db,
      provider,
      new Date("2026-01-02T03:00:00Z"),
      new Date("2026-01-02T04:00:00Z"),
    );
    expect(
      summary(await deliveriesOf(handle.db, contact.id)).filter((s) => s.includes("sent")),
    ).toEqual([
      "month/web_push: sent due 2026-01-02T03:00:00.000Z",
      "month/zalo: sent due 2026-01-02T03:00:00.000Z",
    ]);
  });

  it("keeps to one reminder per channel per local day, across cycles", async () => {
    // Month goes out Jan 1 10:00 local. At 11:00 an older activity (Dec 20) arrives: a new cycle
    // whose week stage is already reached, but Jan 1 already had a reminder: Jan 2 08:00.
    const { contact, provider } = await learner("2025-12-01T03:00:00Z");
    await runUntil(
      handle.db,
      provider,
      new Date("2026-01-01T03:00:00Z"),
      new Date("2026-01-01T04:00:00Z"),
    );
    const late = new Date("2026-01-01T04:00:00Z");
    const activityAt = new Date("2025-12-20T03:00:00Z");
    await recordActivity(handle.db, { contactId: contact.id, activityAt, at: late });
    await runUntil(handle.db, provider, late, new Date("2026-01-03T00:00:00Z"));
    const zalo = (await deliveriesOf(handle.db, contact.id)).filter(
      (d) => d.channel === "zalo" && d.status === "sent",
    );
    expect(zalo.map((d) => `${d.stage} ${d.firstAttemptAt!.toISOString()}`)).toEqual([
      "month 2026-01-01T03:00:00.000Z",
      "week 2026-01-02T01:00:00.000Z",
    ]);
    expect((await eventsOf(handle.db, contact.id)).some((e) => e.type === "capped")).toBe(true);
  });
});

describe("retries and failures (SPEC §1.3)", () => {
  it("retries a transient failure at +5 min, +30 min, +2 h, then gives up", async () => {
    const { contact, provider, callsOf, failNext } = await learner("2026-01-01T03:00:00Z", {
      channels: { zalo: "subscribed" },
    });
    failNext({ contactId: contact.id, channel: "zalo", kind: "transient", times: 4 });
    await runUntil(
      handle.db,
      provider,
      new Date("2026-01-01T04:00:00Z"),
      new Date("2026-01-04T00:00:00Z"),
    );
    const zalo = callsOf(contact.id).filter((c) => c.channel === "zalo");
    expect(zalo.map((c) => c.idempotencyKey.split(":").at(-1))).toEqual(["1", "2", "3", "4"]);
    const [delivery] = (await deliveriesOf(handle.db, contact.id)).filter(
      (d) => d.channel === "zalo",
    );
    expect(delivery).toMatchObject({ status: "failed", attemptCount: 4 });
    const retries = (await eventsOf(handle.db, contact.id))
      .filter((e) => e.type === "retry_scheduled")
      .map((e) => e.reason);
    expect(retries).toEqual([
      "Retry 1 at 2026-01-03T01:05:00.000Z.",
      "Retry 2 at 2026-01-03T01:35:00.000Z.",
      "Retry 3 at 2026-01-03T03:35:00.000Z.",
    ]);
  });

  it("never retries a permanent failure and marks the channel unreachable", async () => {
    const { contact, provider, callsOf, failNext } = await learner("2026-01-01T03:00:00Z");
    failNext({ contactId: contact.id, channel: "zalo", kind: "permanent", times: 1 });
    await runUntil(
      handle.db,
      provider,
      new Date("2026-01-01T04:00:00Z"),
      new Date("2026-01-09T00:00:00Z"),
    );
    expect(callsOf(contact.id).filter((c) => c.channel === "zalo")).toHaveLength(1);
    const [row] = await handle.db.select().from(contacts).where(eq(contacts.id, contact.id));
    expect(row!.channels).toEqual({ web_push: "subscribed", zalo: "unreachable" });
    const week = (await deliveriesOf(handle.db, contact.id)).filter((d) => d.stage === "week");
    expect(week.map((d) => [d.channel, d.status, d.reason])).toEqual([
      ["web_push", "sent", null],
      ["zalo", "skipped", "unreachable"],
    ]);
  });
});

describe("return, reset and cancellation (SPEC §1.4)", () => {
  it("an activity cancels every pending send, closes the cycle and restarts the count", async () => {
    const { contact, provider } = await learner("2026-01-01T03:00:00Z");
    await runUntil(
      handle.db,
      provider,
      new Date("2026-01-01T04:00:00Z"),
      new Date("2026-01-02T17:30:00Z"),
    ); // planned, due 08:00
    expect((await deliveriesOf(handle.db, contact.id)).map((d) => d.status)).toEqual([
      "pending",
      "pending",
    ]);
    const at = new Date("2026-01-02T18:00:00Z");
    await recordActivity(handle.db, { contactId: contact.id, activityAt: at, at });
    expect((await deliveriesOf(handle.db, contact.id)).map((d) => [d.status, d.reason])).toEqual([
      ["canceled", "activity"],
      ["canceled", "activity"],
    ]);
    await runUntil(
      handle.db,
      provider,
      new Date("2026-01-02T18:00:00Z"),
      new Date("2026-01-06T00:00:00Z"),
    );
    const sent = (await deliveriesOf(handle.db, contact.id)).filter((d) => d.status === "sent");
    expect(sent.map((d) => d.dueAt.toISOString())).toEqual([
      "2026-01-05T01:00:00.000Z",
      "2026-01-05T01:00:00.000Z",
    ]);
  });

  // SPEC §1.5 and §1.8: windows are exact durations and include both ends.
  it.each([
    ["exactly 30 days after the reminder", "2026-02-02T01:00:00.000Z", true],
    ["a millisecond later", "2026-02-02T01:00:00.001Z", false],
  ])(
    "a return %s is a reactivation: tagged and logged (%s → %s)",
    async (_, returnedAt, reactivated) => {
      const { contact, provider } = await learner("2026-01-01T03:00:00Z");
      await runUntil(
        handle.db,
        provider,
        new Date("2026-01-01T04:00:00Z"),
        new Date("2026-01-03T02:00:00Z"),
      );
      const sent = await deliveriesOf(handle.db, contact.id);
      expect(sent.map((d) => [d.stage, d.status, d.finishedAt?.toISOString()])).toEqual([
        ["streak_lost", "sent", "2026-01-03T01:00:00.000Z"],
        ["streak_lost", "sent", "2026-01-03T01:00:00.000Z"],
      ]);
      const at = new Date(returnedAt);
      await recordActivity(handle.db, { contactId: contact.id, activityAt: at, at });
      const [row] = await handle.db.select().from(contacts).where(eq(contacts.id, contact.id));
      expect(row!.tags).toEqual(
        reactivated ? ["reactivation:streak_lost", "reactivated"] : ["reactivation:streak_lost"],
      );
      const events = (await eventsOf(handle.db, contact.id)).filter((e) =>
        ["cycle_closed", "reactivated"].includes(e.type),
      );
      expect(events.map((e) => [e.type, e.at.toISOString()])).toEqual([
        ["cycle_closed", returnedAt],
        ...(reactivated ? [["reactivated", returnedAt]] : []),
      ]);
      if (reactivated) {
        expect(events[1]).toMatchObject({
          cycleId: events[0]!.cycleId,
          deliveryId: expect.toBeOneOf(sent.map((d) => d.id)),
          reason: "Returned within the 30-day attribution window of a reminder.",
        });
      }
    },
  );

  it("an activity recorded twice, or an older one arriving late, changes nothing more", async () => {
    const { contact, provider } = await learner("2026-01-01T03:00:00Z");
    await runUntil(
      handle.db,
      provider,
      new Date("2026-01-01T04:00:00Z"),
      new Date("2026-01-03T02:00:00Z"),
    );
    const at = new Date("2026-01-04T00:00:00Z");
    const moves = await recordActivity(handle.db, { contactId: contact.id, activityAt: at, at });
    expect(moves).toEqual([
      { contactId: contact.id, before: new Date("2026-01-01T03:00:00Z"), after: at },
    ]);
    const logged = (await eventsOf(handle.db, contact.id)).length;
    const late = { contactId: contact.id, activityAt: new Date("2026-01-02T00:00:00Z"), at };
    expect(await recordActivity(handle.db, late)).toEqual([]);
    expect(await recordActivity(handle.db, { ...late, activityAt: at })).toEqual([]);
    expect(await eventsOf(handle.db, contact.id)).toHaveLength(logged);
    const [row] = await handle.db.select().from(contacts).where(eq(contacts.id, contact.id));
    expect(row!.lastActivityAt).toEqual(at);
  });

  it("a click cancels the reminder's pending retry on the other channel, and is not an activity", async () => {
    const { contact, provider, failNext } = await learner("2026-01-01T03:00:00Z");
    failNext({ contactId: contact.id, channel: "zalo", kind: "transient", times: 1 });
    await runUntil(
      handle.db,
      provider,
      new Date("2026-01-01T04:00:00Z"),
      new Date("2026-01-03T01:01:00Z"),
    );
    const [push] = (await deliveriesOf(handle.db, contact.id)).filter(
      (d) => d.channel === "web_push",
    );
    await recordClick(handle.db, push!.id, new Date("2026-01-03T01:02:00Z"));
    const after = await deliveriesOf(handle.db, contact.id);
    expect(after.map((d) => [d.channel, d.status])).toEqual([
      ["web_push", "sent"],
      ["zalo", "canceled"],
    ]);
    const [row] = await handle.db.select().from(contacts).where(eq(contacts.id, contact.id));
    expect(row!.lastActivityAt?.toISOString()).toBe("2026-01-01T03:00:00.000Z");
    await runUntil(
      handle.db,
      provider,
      new Date("2026-01-03T01:02:00Z"),
      new Date("2026-01-09T00:00:00Z"),
    );
    expect(
      (await deliveriesOf(handle.db, contact.id)).some(
        (d) => d.stage === "week" && d.status === "sent",
      ),
    ).toBe(true);
  });

  it("a cancellation committed before the send's re-check wins", async () => {
    const { contact, provider, callsOf } = await learner("2026-01-01T03:00:00Z");
    const now = new Date("2026-01-03T01:00:00Z");
    await plan(handle.db, contact.id, now);
    const mine = new Set((await deliveriesOf(handle.db, contact.id)).map((d) => d.id));
    const claimed = (await dispatchDue(handle.db, now))
      .map((d) => d.id)
      .filter((id) => mine.has(id));
    expect(claimed).toHaveLength(2);
    await recordActivity(handle.db, { contactId: contact.id, activityAt: now, at: now });
    for (const id of claimed) expect(await send(handle.db, provider, id, now)).toBe("not_sent");
    expect(callsOf(contact.id)).toEqual([]);
  });
});

describe("after downtime (SPEC §1.1: highest stage only)", () => {
  it("dispatch leaves a contact whose planning is overdue until it is planned; the higher stage supersedes", async () => {
    // Last exercise Jan 1 10:00 local: streak_lost is planned for Jan 3 08:00 local, then the
    // engine is down until Jan 9 08:00 local, past the week milestone (Jan 8 00:00 local).
    const { contact } = await learner("2026-01-01T03:00:00Z");
    await plan(handle.db, contact.id, new Date("2026-01-02T17:00:00Z"));
    const waiting = await deliveriesOf(handle.db, contact.id);
    expect(summary(waiting)).toEqual([
      "streak_lost/web_push: pending due 2026-01-03T01:00:00.000Z",
      "streak_lost/zalo: pending due 2026-01-03T01:00:00.000Z",
    ]);
    const now = new Date("2026-01-09T01:00:00Z");
    const mine = async () => {
      const ids = new Set((await deliveriesOf(handle.db, contact.id)).map((d) => d.id));
      return (await dispatchDue(handle.db, now)).filter((d) => ids.has(d.id)).map((d) => d.id);
    };
    // Its streak_lost deliveries are due, but its next check (week) has passed: nothing is claimed.
    expect(await mine()).toEqual([]);
    await plan(handle.db, contact.id, now);
    const claimed = await mine();
    const after = await deliveriesOf(handle.db, contact.id);
    expect(summary(after)).toEqual([
      "streak_lost/web_push: superseded due 2026-01-03T01:00:00.000Z",
      "streak_lost/zalo: superseded due 2026-01-03T01:00:00.000Z",
      "week/web_push: sending due 2026-01-09T01:00:00.000Z",
      "week/zalo: sending due 2026-01-09T01:00:00.000Z",
    ]);
    expect(claimed.sort()).toEqual(
      after
        .filter((d) => d.stage === "week")
        .map((d) => d.id)
        .sort(),
    );
  });
});

describe("idempotence and crash safety", () => {
  it("planning twice changes nothing", async () => {
    const { contact } = await learner("2026-01-01T03:00:00Z");
    const now = new Date("2026-01-03T00:00:00Z");
    await plan(handle.db, contact.id, now);
    const once = await deliveriesOf(handle.db, contact.id);
    await plan(handle.db, contact.id, now);
    expect(await deliveriesOf(handle.db, contact.id)).toEqual(once);
  });

  it("a worker that died after the provider call is taken over with the same idempotency key", async () => {
    const { contact, provider, callsOf } = await learner("2026-01-01T03:00:00Z", {
      channels: { zalo: "subscribed" },
    });
    const now = new Date("2026-01-03T01:00:00Z");
    await plan(handle.db, contact.id, now);
    const [mine] = (await deliveriesOf(handle.db, contact.id)).filter((d) => d.channel === "zalo");
    expect((await dispatchDue(handle.db, now)).map((d) => d.id)).toContain(mine!.id);
    // The first worker dies right after the provider accepted the message: the ledger never hears.
    const dying = {
      send: async (...args: Parameters<typeof provider.send>) => {
        await provider.send(...args);
        return new Promise<never>(() => {});
      },
    };
    void send(handle.db, dying, mine!.id, now);
    await expect.poll(() => callsOf(contact.id).length).toBe(1);
    // Another worker takes the claim over once its lease has run out.
    const later = new Date(now.getTime() + CLAIM_LEASE_MS + 1000);
    expect((await dispatchDue(handle.db, later)).map((d) => d.id)).toContain(mine!.id);
    expect(await send(handle.db, provider, mine!.id, later)).toBe("sent");
    const keys = callsOf(contact.id).map((c) => c.idempotencyKey);
    expect(keys).toEqual([keys[0], keys[0]]);
    expect(await outboxOf(handle.db, contact.id)).toHaveLength(1);
    const [delivery] = (await deliveriesOf(handle.db, contact.id)).filter(
      (d) => d.channel === "zalo",
    );
    expect(delivery).toMatchObject({ status: "sent", attemptCount: 1 });
  });
});

describe("through the integration API and the explanation", () => {
  it("an activity posted to the API cancels the pending sends; the timeline says why", async () => {
    const { tenant, contact, provider } = await learner("2026-01-01T03:00:00Z");
    await runUntil(
      handle.db,
      provider,
      new Date("2026-01-01T04:00:00Z"),
      new Date("2026-01-02T17:30:00Z"),
    );
    const key = await createKey(handle.db, tenant.id);
    const request = apiRequest("/api/v1/activity", key, {
      activity: [
        {
          externalId: "ex-1",
          contactExternalId: contact.externalId,
          kind: "exercise_completed",
          occurredAt: "2026-01-02T17:40:00Z",
        },
      ],
    });
    const answer = await (
      await runBatch(
        handle.db,
        request,
        activityBatch(recordInline) as never,
        new Date("2026-01-02T17:45:00Z"),
      )
    ).json();
    expect(answer).toMatchObject({ stored: 1 });
    expect((await deliveriesOf(handle.db, contact.id)).map((d) => d.status)).toEqual([
      "canceled",
      "canceled",
    ]);

    const timeline = await contactTimeline(handle.db, tenant.id, contact.id);
    expect(timeline?.events.map((e) => e.type)).toEqual([
      "cycle_started",
      "stage_reached",
      "deferred_quiet_hours",
      "canceled_reset",
      "canceled_reset",
      "cycle_closed",
    ]);
    expect(timeline?.events[2]?.reason).toContain("inside quiet hours 22:00–07:00");
    expect(
      await contactTimeline(handle.db, "00000000-0000-4000-8000-000000000000", contact.id),
    ).toBeNull();
  });

  it("tells what happens next: the pending sends and the next milestone", async () => {
    const { tenant, contact, provider } = await learner("2026-01-01T03:00:00Z");
    await runUntil(
      handle.db,
      provider,
      new Date("2026-01-01T04:00:00Z"),
      new Date("2026-01-02T17:30:00Z"),
    );
    const timeline = await contactTimeline(handle.db, tenant.id, contact.id);
    expect(timeline?.next.map((n) => `${n.at.toISOString()} ${n.what}`)).toEqual([
      "2026-01-03T01:00:00.000Z Streak lost on web push",
      "2026-01-03T01:00:00.000Z Streak lost on Zalo",
      "2026-01-07T17:00:00.000Z 1 week inactive reached; planned then",
    ]);
  });
});
