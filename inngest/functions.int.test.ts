import { InngestTestEngine } from "@inngest/test";
import { eq, sql } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import type { DbHandle } from "@/db/client";
import { activityEvents, contacts, deliveries, metricRollups } from "@/db/schema";
import { sendToInngest } from "@/server/activity/recorders";
import { outboxProvider } from "@/server/engine/channels/outbox-provider";
import { plan } from "@/server/engine/steps/plan";
import { runBatch } from "@/server/http/batch-request";
import { activityBatch } from "@/server/http/endpoints";
import { openTestDb } from "@/test/db";
import { deliveriesOf, eventsOf, outboxOf } from "@/test/engine";
import { createContact, createKey, createTenant } from "@/test/factories";
import type { EngineDeps } from "./deps";
import type { ContactActivityEvent } from "./events";
import { contactActivityFunction } from "./functions/contact-activity";
import { dispatchDueFunction } from "./functions/dispatch-due";
import { planContactFunction } from "./functions/plan-contact";
import { refreshRollupsFunction } from "./functions/refresh-rollups";
import { scanDueFunction } from "./functions/scan-due";
import { sendDeliveryFunction } from "./functions/send-delivery";
import { apiRequest } from "@/test/api-request";

let handle: DbHandle;
let now = new Date("2026-01-03T01:00:00Z"); // 08:00 in Ho Chi Minh City
let deps: EngineDeps;
beforeAll(async () => {
  handle = await openTestDb();
  deps = { db: async () => handle.db, provider: outboxProvider, clock: () => now };
});
afterAll(() => handle.close());
afterEach(() => vi.restoreAllMocks());

/** What a run logs as errors (Inngest's default logger writes to the console). */
function withLoggerSpy() {
  return { error: vi.spyOn(console, "error").mockImplementation(() => {}) };
}

async function learner() {
  const tenant = await createTenant(handle.db, "self_study", "Asia/Ho_Chi_Minh");
  const contact = await createContact(handle.db, tenant.id, {
    timeZone: "Asia/Ho_Chi_Minh",
    channels: { web_push: "subscribed", zalo: "subscribed" },
    lastActivityAt: new Date("2026-01-01T03:00:00Z"),
    nextCheckAt: new Date("2026-01-01T03:00:00Z"),
  });
  return { tenant, contact };
}

/** A learner's planned Zalo delivery, claimed, with the event that asks to send it. */
async function claimedZalo() {
  const { tenant, contact } = await learner();
  await plan(handle.db, contact.id, now);
  await handle.db
    .update(deliveries)
    .set({ status: "sending" })
    .where(eq(deliveries.contactId, contact.id));
  const zalo = (await deliveriesOf(handle.db, contact.id)).find((d) => d.channel === "zalo")!;
  const due = {
    name: "reactivation/delivery.due",
    data: { deliveryId: zalo.id, tenantId: tenant.id, channel: "zalo" },
  };
  return { tenant, contact, zalo, due };
}

describe("Inngest functions over the engine's steps (@inngest/test)", () => {
  it("scan-due fans out customer.dormant for each due contact", async () => {
    const { tenant, contact } = await learner();
    // Sending events needs an Inngest server: the step is mocked, its arguments are checked.
    const t = new InngestTestEngine({
      function: scanDueFunction(deps),
      steps: [{ id: "fan-out-plans", handler: () => ({ ids: [] }) }],
    });
    const { ctx, result } = await t.execute();
    expect((result as { planned: number }).planned).toBeGreaterThanOrEqual(1);
    expect(ctx.step.sendEvent).toHaveBeenCalledWith(
      "fan-out-plans",
      expect.arrayContaining([
        { name: "customer.dormant", data: { contactId: contact.id, tenantId: tenant.id } },
      ]),
    );
  });

  it("plan-contact plans the reminder of a customer.dormant contact", async () => {
    const { tenant, contact } = await learner();
    const t = new InngestTestEngine({ function: planContactFunction(deps) });
    await t.execute({
      events: [{ name: "customer.dormant", data: { contactId: contact.id, tenantId: tenant.id } }],
    });
    const planned = await deliveriesOf(handle.db, contact.id);
    expect(planned.map((d) => [d.stage, d.channel, d.status])).toEqual([
      ["streak_lost", "web_push", "pending"],
      ["streak_lost", "zalo", "pending"],
    ]);
  });

  it("plan-contact plans a batch of customer.dormant contacts in one run", async () => {
    const batch = [await learner(), await learner(), await learner()];
    const t = new InngestTestEngine({ function: planContactFunction(deps) });
    const [first, ...rest] = batch.map(({ tenant, contact }) => ({
      name: "customer.dormant",
      data: { contactId: contact.id, tenantId: tenant.id },
    }));
    const { result } = await t.execute({ events: [first!, ...rest] });
    expect(result).toEqual({ planned: 3, setAside: 0 });
    for (const { contact } of batch) {
      expect((await deliveriesOf(handle.db, contact.id)).map((d) => d.status)).toEqual([
        "pending",
        "pending",
      ]);
    }
  });

  it("plan-contact plans the batch and sets aside a contact it fails on, without failing the run", async () => {
    const batch = [await learner(), await learner(), await learner()];
    const poisoned = batch[1]!.contact;
    await handle.db.execute(
      sql`update contacts set last_activity_at = '9999-12-31T23:59:59Z' where id = ${poisoned.id}`,
    );
    const logger = withLoggerSpy();
    const t = new InngestTestEngine({ function: planContactFunction(deps) });
    const [first, ...rest] = batch.map(({ tenant, contact }) => ({
      name: "customer.dormant",
      data: { contactId: contact.id, tenantId: tenant.id },
    }));
    const { result, error } = await t.execute({ events: [first!, ...rest] });
    expect(error).toBeUndefined();
    expect(result).toEqual({ planned: 2, setAside: 1 });
    expect(logger.error).toHaveBeenCalledWith(expect.stringContaining(poisoned.id));
    for (const { contact } of [batch[0]!, batch[2]!])
      expect(await deliveriesOf(handle.db, contact.id)).toHaveLength(2);
    expect((await eventsOf(handle.db, poisoned.id)).map((e) => e.type)).toEqual(["engine_error"]);
  });

  it("dispatch-due claims due deliveries and fans out reactivation/delivery.due", async () => {
    const { tenant, contact } = await learner();
    await plan(handle.db, contact.id, now);
    const t = new InngestTestEngine({
      function: dispatchDueFunction(deps),
      steps: [{ id: "fan-out-sends", handler: () => ({ ids: [] }) }],
    });
    const { ctx } = await t.execute();
    const mine = await deliveriesOf(handle.db, contact.id);
    expect(mine.every((d) => d.status === "sending")).toBe(true);
    expect(ctx.step.sendEvent).toHaveBeenCalledWith(
      "fan-out-sends",
      expect.arrayContaining(
        mine.map((d) => ({
          name: "reactivation/delivery.due",
          data: { deliveryId: d.id, tenantId: tenant.id, channel: d.channel },
        })),
      ),
    );
  });

  it("send-delivery sends a batch of claimed deliveries through the provider, each once", async () => {
    const first = await claimedZalo();
    const second = await claimedZalo();
    const t = new InngestTestEngine({ function: sendDeliveryFunction(deps) });
    // The same event twice (Inngest delivers at least once) sends once.
    const { result } = await t.execute({ events: [first.due, second.due, first.due] });
    expect(result).toEqual({ outcomes: { [first.zalo.id]: "sent", [second.zalo.id]: "sent" } });
    for (const { contact } of [first, second])
      expect((await outboxOf(handle.db, contact.id)).map((m) => m.channel)).toEqual(["zalo"]);
  });

  it("send-delivery sets aside a delivery it fails on and reports it, without failing the run", async () => {
    const { tenant, contact, zalo, due } = await claimedZalo();
    await handle.db.execute(
      sql`update tenant_settings set settings = '{"cadence": 1}' where tenant_id = ${tenant.id}`,
    );
    const logger = withLoggerSpy();
    const t = new InngestTestEngine({ function: sendDeliveryFunction(deps) });
    const { result, error } = await t.execute({ events: [due] });
    expect(error).toBeUndefined();
    expect(result).toEqual({ outcomes: { [zalo.id]: "set_aside" } });
    expect(logger.error).toHaveBeenCalledWith(expect.stringContaining(zalo.id));
    expect(await outboxOf(handle.db, contact.id)).toEqual([]);
  });

  it("send-delivery batches and bounds its runs per tenant and channel (SPEC §2)", () => {
    // What the Inngest server schedules by: `@inngest/test` runs the handler, not the scheduler.
    const { opts } = sendDeliveryFunction(deps);
    const key = opts.batchEvents?.key;
    expect(key).toContain("event.data.tenantId");
    expect(key).toContain("event.data.channel");
    expect(opts.batchEvents).toMatchObject({ maxSize: 100 });
    // Two runs at once per tenant and channel: one tenant's backlog leaves the others theirs.
    expect(opts.concurrency).toEqual([{ key, limit: 2 }]);
  });

  it("contact-activity moves the last activity and resets the chain, for a batch of events", async () => {
    const { tenant, contact } = await learner();
    await plan(handle.db, contact.id, now);
    now = new Date("2026-01-03T00:30:00Z");
    const activity = (activityAt: string) => ({
      name: "contact.activity",
      data: { contactId: contact.id, tenantId: tenant.id, activityAt },
    });
    const t = new InngestTestEngine({ function: contactActivityFunction(deps) });
    const { result } = await t.execute({
      events: [activity("2026-01-03T00:20:00Z"), activity("2026-01-02T23:00:00+07:00")],
    });
    expect(result).toEqual({ moved: 1 });
    expect((await deliveriesOf(handle.db, contact.id)).map((d) => d.status)).toEqual([
      "canceled",
      "canceled",
    ]);
    const [row] = await handle.db.select().from(contacts).where(eq(contacts.id, contact.id));
    expect(row!.lastActivityAt).toEqual(new Date("2026-01-03T00:20:00Z"));
    expect((await eventsOf(handle.db, contact.id)).map((e) => [e.type, e.at])).toEqual(
      expect.arrayContaining([
        ["canceled_reset", now],
        ["cycle_closed", now],
      ]),
    );
  });

  it("the activity API under Inngest stores the activity and sends contact.activity; the function resets", async () => {
    const { tenant, contact } = await learner();
    await plan(handle.db, contact.id, now);
    const sent: ContactActivityEvent[] = [];
    const spec = activityBatch(sendToInngest(async (events) => sent.push(...events)));
    const request = apiRequest("/api/v1/activity", await createKey(handle.db, tenant.id), {
      activity: [
        {
          externalId: "ex-1",
          contactExternalId: contact.externalId,
          kind: "exercise_completed",
          occurredAt: "2026-01-03T07:10:00+07:00",
        },
        {
          externalId: "visit-1",
          contactExternalId: contact.externalId,
          kind: "visit",
          occurredAt: "2026-01-03T07:15:00+07:00",
        },
      ],
    });
    const answer = await (await runBatch(handle.db, request, spec as never, now)).json();
    expect(answer).toEqual({ stored: 2, duplicates: 0, errors: [] });
    // Stored before the answer; the reset is the function's.
    const stored = await handle.db
      .select()
      .from(activityEvents)
      .where(eq(activityEvents.contactId, contact.id));
    expect(stored).toHaveLength(2);
    expect((await deliveriesOf(handle.db, contact.id)).map((d) => d.status)).toEqual([
      "pending",
      "pending",
    ]);
    expect(sent.map(({ name, data }) => ({ name, data }))).toEqual([
      {
        name: "contact.activity",
        data: {
          contactId: contact.id,
          tenantId: tenant.id,
          activityAt: "2026-01-03T00:10:00.000Z",
        },
      },
    ]);

    // What Inngest delivers to the function: the events as sent.
    const [first, ...rest] = sent.map(({ name, data }) => ({ name, data }));
    const t = new InngestTestEngine({ function: contactActivityFunction(deps) });
    const { result } = await t.execute({ events: [first!, ...rest] });
    expect(result).toEqual({ moved: 1 });
    expect((await deliveriesOf(handle.db, contact.id)).map((d) => d.status)).toEqual([
      "canceled",
      "canceled",
    ]);
    const types = (await eventsOf(handle.db, contact.id)).map((e) => e.type);
    expect(types.slice(-3)).toEqual(["canceled_reset", "canceled_reset", "cycle_closed"]);
  });

  it("the activity API stores nothing when contact.activity cannot be sent, so a retry loses nothing", async () => {
    const { tenant, contact } = await learner();
    const spec = activityBatch(
      sendToInngest(async () => {
        throw new Error("Inngest is unreachable");
      }),
    );
    const body = JSON.stringify({
      activity: [
        {
          externalId: "ex-1",
          contactExternalId: contact.externalId,
          kind: "exercise_completed",
          occurredAt: "2026-01-03T00:10:00Z",
        },
      ],
    });
    const request = apiRequest("/api/v1/activity", await createKey(handle.db, tenant.id), body);
    const logger = withLoggerSpy();
    const response = await runBatch(handle.db, request, spec as never, now);
    expect(response.status).toBe(500);
    expect(logger.error).toHaveBeenCalled();
    const stored = await handle.db
      .select()
      .from(activityEvents)
      .where(eq(activityEvents.contactId, contact.id));
    expect(stored).toEqual([]);
  });

  it("contact-activity rejects an event without its instant", async () => {
    const { tenant, contact } = await learner();
    withLoggerSpy();
    const t = new InngestTestEngine({ function: contactActivityFunction(deps) });
    const { error } = await t.execute({
      events: [{ name: "contact.activity", data: { contactId: contact.id, tenantId: tenant.id } }],
    });
    expect(String((error as Error | undefined)?.message ?? error)).toMatch(/activityAt/);
  });

  it("rejects an event whose data is not what the function expects", async () => {
    const t = new InngestTestEngine({ function: planContactFunction(deps) });
    const { error } = await t.execute({
      events: [{ name: "customer.dormant", data: { contactId: "nope" } }],
    });
    expect(String((error as Error | undefined)?.message ?? error)).toMatch(/contactId|uuid/i);
  });

  it("refresh-rollups rebuilds every workspace's dashboard rollups from the ledger", async () => {
    const { tenant, contact } = await learner();
    await plan(handle.db, contact.id, now);
    await handle.db
      .update(deliveries)
      .set({ status: "sent", finishedAt: now })
      .where(eq(deliveries.contactId, contact.id));
    // A workspace whose stored settings a hand-made update broke: logged, the others rebuilt.
    const broken = await createTenant(handle.db, "self_study", "Asia/Ho_Chi_Minh");
    await handle.db.execute(
      sql`update tenant_settings set settings = '{"cadence": 1}' where tenant_id = ${broken.id}`,
    );
    const logger = withLoggerSpy();
    const t = new InngestTestEngine({ function: refreshRollupsFunction(deps) });
    const { result } = await t.execute();
    expect(logger.error).toHaveBeenCalledWith(
      expect.stringContaining(broken.id),
      expect.anything(),
    );
    expect(result).toMatchObject({ rows: expect.any(Number) as number });
    const rows = await handle.db
      .select()
      .from(metricRollups)
      .where(eq(metricRollups.tenantId, tenant.id));
    // The learner's streak_lost went out on two channels: one reached cycle, two sends.
    const total = (metric: string) =>
      rows.find((r) => r.period === "week" && r.dimension === "total" && r.metric === metric)
        ?.value;
    expect([total("reached"), total("sent")]).toEqual([1, 2]);
  });
});
