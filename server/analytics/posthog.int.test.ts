import { eq } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import type { DbHandle } from "@/db/client";
import { ledgerCursors, pushSubscriptions } from "@/db/schema";
import { recordInline } from "@/server/activity/recorders";
import { ingestActivity } from "@/server/activity/ingest";
import { outboxProvider } from "@/server/engine/channels/outbox-provider";
import { dispatchDue } from "@/server/engine/steps/dispatch";
import { plan } from "@/server/engine/steps/plan";
import { recordClick } from "@/server/engine/steps/record-click";
import { sendDeliveries } from "@/server/engine/steps/send";
import { startEmbeddedWorker } from "@/server/engine/worker";
import { setChannelState } from "@/server/preferences/channel-state";
import { openTestDb } from "@/test/db";
import { deliveriesOf, outboxOf } from "@/test/engine";
import { startFakePostHog, type FakePostHog } from "@/test/fake-posthog";
import { createContact, createTenant } from "@/test/factories";
import { forwardLedger } from "./forward";
import { posthogSink } from "./posthog-sink";

/*
 * The PostHog forwarder against a local PostHog (a node:http server that records what
 * posthog-node posts to /batch/), over the real engine: a home-services customer last served
 * in June is planned and sent its six-month reminder on email and SMS through the Outbox
 * provider, clicks the email's link, books a job with revenue (a return: reactivated), and
 * replies STOP to the SMS.
 */

let handle: DbHandle;
let posthog: FakePostHog;
const now = new Date("2026-01-05T15:00:00Z"); // 09:00 in Chicago
const minutes = (n: number) => new Date(now.getTime() + n * 60_000);

beforeAll(async () => {
  handle = await openTestDb();
  posthog = await startFakePostHog();
});
afterAll(async () => {
  await posthog.close();
  await handle.close();
});
afterEach(() => {
  posthog.releaseHanging();
  posthog.setMode("accept");
  posthog.requests.length = 0;
  vi.restoreAllMocks();
});

/** Who the customer is: none of it may reach PostHog. */
const pii = {
  name: "Margarethe Oyelaran-Whitfield",
  email: "margarethe.ow@pii-test.example",
  phone: "+15558675309",
  zaloUserId: "zalo-pii-7781-secret",
  pushEndpoint: "https://push.pii-test.example/subscription-3141592",
};

/** A sink to the local PostHog, without posthog-node's retries 3 s apart. */
const sinkTo = (server: FakePostHog, requestTimeoutMs = 10_000) =>
  posthogSink({ key: "phc_test_key", host: server.host }, { requestTimeoutMs, retries: 0 });

/** A customer due for their six-month reminder at `now`, with a forwarder started before it. */
async function dormantCustomer(cursor: string) {
  const tenant = await createTenant(handle.db, "home_services", "America/Chicago");
  const contact = await createContact(handle.db, tenant.id, {
    name: pii.name,
    email: pii.email,
    phone: pii.phone,
    zaloUserId: pii.zaloUserId,
    timeZone: "America/Chicago",
    channels: { email: "subscribed", sms: "subscribed" },
    lastActivityAt: new Date("2025-06-20T15:00:00Z"),
    nextCheckAt: new Date("2025-06-20T15:00:00Z"),
  });
  await handle.db.insert(pushSubscriptions).values({
    tenantId: tenant.id,
    contactId: contact.id,
    endpoint: pii.pushEndpoint,
    p256dh: "pii-key",
    auth: "pii-auth",
  });
  // The first run starts the cursor at the ledger's end: what follows is forwarded.
  await forwardLedger(handle.db, sinkTo(posthog), now, { cursor });
  return { tenant, contact };
}

/** Plans the contact and sends what is due through the Outbox provider. */
async function planAndSend(contactId: string) {
  await plan(handle.db, contactId, now);
  const claimed = await dispatchDue(handle.db, now, 100);
  const results = await sendDeliveries(
    handle.db,
    outboxProvider(handle.db),
    claimed.map((d) => d.id),
    now,
  );
  return { claimed, results };
}

async function cursorOf(name: string) {
  const [row] = await handle.db.select().from(ledgerCursors).where(eq(ledgerCursors.name, name));
  return row!;
}

describe("PostHog analytics forwarded from the ledger", () => {
  it("one reactivation: reminders sent, a click, the return with its revenue, an unsubscribe — ids only", async () => {
    const { tenant, contact } = await dormantCustomer("reactivation");
    await planAndSend(contact.id);
    const sent = await deliveriesOf(handle.db, contact.id);
    expect(sent.map((d) => [d.stage, d.channel, d.status])).toEqual([
      ["six_months", "email", "sent"],
      ["six_months", "sms", "sent"],
    ]);
    const email = sent.find((d) => d.channel === "email")!;
    const sms = sent.find((d) => d.channel === "sms")!;
    expect(await recordClick(handle.db, email.id, minutes(30))).toBe(true);
    const booked = await ingestActivity(
      handle.db,
      tenant.id,
      [
        {
          index: 0,
          value: {
            externalId: "job-1",
            contactExternalId: contact.externalId,
            kind: "job_booked",
            occurredAt: minutes(60),
            revenueMinor: 32_500,
            currency: "USD",
          },
        },
      ],
      minutes(61),
      recordInline,
    );
    expect(booked.stored).toBe(1);
    await setChannelState(handle.db, {
      tenantId: tenant.id,
      contactId: contact.id,
      channel: "sms",
      state: "unsubscribed",
      source: "an SMS STOP",
      now: minutes(90),
    });

    const result = await forwardLedger(handle.db, sinkTo(posthog), minutes(91), {
      cursor: "reactivation",
    });
    expect(result).toMatchObject({ forwarded: 5, waiting: false });
    const events = posthog.events();
    const common = {
      workspaceId: tenant.id,
      $groups: { workspace: tenant.id },
      stage: "six_months",
      sequence: 0,
      variantId: "fallback",
    };
    const reminder = email.reminderId;
    expect(events.map((e) => [e.event, e.distinct_id, e.timestamp])).toEqual([
      ["reminder_sent", contact.id, now.toISOString()],
      ["reminder_sent", contact.id, now.toISOString()],
      ["reminder_clicked", contact.id, minutes(30).toISOString()],
      ["contact_reactivated", contact.id, minutes(61).toISOString()],
      ["channel_unsubscribed", contact.id, minutes(90).toISOString()],
    ]);
    const [sentA, sentB, clicked, reactivated, unsubscribed] = events;
    expect([sentA!.properties, sentB!.properties]).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          ...common,
          reminderId: reminder,
          deliveryId: email.id,
          channel: "email",
          attempts: 1,
        }),
        expect.objectContaining({ ...common, deliveryId: sms.id, channel: "sms", attempts: 1 }),
      ]),
    );
    expect(clicked!.properties).toMatchObject({
      ...common,
      reminderId: reminder,
      deliveryId: email.id,
      channel: "email",
    });
    // Owed to the reminder's first delivery, email or SMS (both went out at `now`).
    expect(reactivated!.properties).toMatchObject({
      ...common,
      reminderId: reminder,
      revenueMinor: 32_500,
      currency: "USD",
    });
    expect([email.id, sms.id]).toContain(reactivated!.properties.deliveryId);
    expect(unsubscribed!.properties).toMatchObject({
      workspaceId: tenant.id,
      $groups: { workspace: tenant.id },
      channel: "sms",
    });
    expect(unsubscribed!.properties).not.toHaveProperty("deliveryId");
    // Each event's uuid is its ledger event's id: PostHog counts an event sent twice once.
    expect(new Set(events.map((e) => e.uuid)).size).toBe(5);

    // Nothing that names or reaches the customer, nor what the messages said.
    const bodies = posthog.requests.map((r) => r.body).join("\n");
    const messages = await outboxOf(handle.db, contact.id);
    expect(messages).toHaveLength(2);
    const words = [
      ...Object.values(pii),
      contact.externalId,
      ...messages.flatMap((m) => [m.text, m.subject ?? ""].filter((t) => t.length > 0)),
    ];
    for (const word of words) expect(bodies).not.toContain(word);
    // Digits of the phone number in any format.
    expect(bodies).not.toContain("8675309");

    // A later run, or a restarted process, sends nothing again.
    expect(
      await forwardLedger(handle.db, sinkTo(posthog), minutes(92), { cursor: "reactivation" }),
    ).toMatchObject({ forwarded: 0 });
    expect(posthog.events()).toHaveLength(5);
  });

  it("PostHog answering 500: the send succeeds, the cursor stays, and the next run sends everything", async () => {
    const { contact } = await dormantCustomer("outage");
    posthog.setMode("fail");
    const { results } = await planAndSend(contact.id);
    expect([...results.values()]).toEqual(["sent", "sent"]);
    const before = await cursorOf("outage");
    await expect(
      forwardLedger(handle.db, sinkTo(posthog), now, { cursor: "outage" }),
    ).rejects.toThrow();
    expect((await cursorOf("outage")).seq).toBe(before.seq);
    expect(posthog.requests.length).toBeGreaterThan(0);

    posthog.setMode("accept");
    posthog.requests.length = 0;
    await forwardLedger(handle.db, sinkTo(posthog), now, { cursor: "outage" });
    expect(posthog.events().map((e) => [e.event, e.distinct_id])).toEqual([
      ["reminder_sent", contact.id],
      ["reminder_sent", contact.id],
    ]);
  });

  it("PostHog hanging: the engine plans and sends while the request is open; nothing is lost", async () => {
    const first = await dormantCustomer("hang");
    const second = await dormantCustomer("hang-other");
    await planAndSend(first.contact.id);
    posthog.setMode("hang");
    // Waits on PostHog as long as the connection stays open.
    const patient = sinkTo(posthog, 60_000);
    let settled = false;
    const forwarding = forwardLedger(handle.db, patient, now, { cursor: "hang" }).finally(
      () => (settled = true),
    );
    await vi.waitFor(() => expect(posthog.hangingCount()).toBe(1));

    const { results } = await planAndSend(second.contact.id);
    expect([...results.values()]).toEqual(["sent", "sent"]);
    expect(await outboxOf(handle.db, second.contact.id)).toHaveLength(2);
    expect(posthog.hangingCount()).toBe(1);
    expect(settled).toBe(false);

    // The connection drops: the run fails and the cursor stays where it was.
    const before = await cursorOf("hang");
    posthog.releaseHanging();
    await expect(forwarding).rejects.toThrow();
    expect((await cursorOf("hang")).seq).toBe(before.seq);
    // posthog-node's own timeout ends a request that never answers (here 300 ms; 10 s by default).
    const timing = Date.now();
    await expect(
      forwardLedger(handle.db, sinkTo(posthog, 300), now, { cursor: "hang" }),
    ).rejects.toThrow(/network error/i);
    expect(Date.now() - timing).toBeLessThan(5_000);
    expect(posthog.hangingCount()).toBe(1);

    posthog.setMode("accept");
    posthog.requests.length = 0;
    await forwardLedger(handle.db, sinkTo(posthog), now, { cursor: "hang" });
    expect(posthog.events().map((e) => [e.event, e.distinct_id])).toEqual([
      ["reminder_sent", first.contact.id],
      ["reminder_sent", first.contact.id],
      ["reminder_sent", second.contact.id],
      ["reminder_sent", second.contact.id],
    ]);
  });

  it("the embedded worker keeps ticking while a forward hangs, and never starts a second one", async () => {
    const first = await dormantCustomer("worker");
    posthog.setMode("hang");
    const patient = sinkTo(posthog, 60_000);
    let forwards = 0;
    const stop = startEmbeddedWorker({
      db: handle.db,
      provider: outboxProvider(handle.db),
      intervalMs: 50,
      clock: () => now,
      forwardAnalytics: (at) => {
        forwards++;
        return forwardLedger(handle.db, patient, at, { cursor: "worker" });
      },
    });
    try {
      await vi.waitFor(() => expect(posthog.hangingCount()).toBe(1), { timeout: 10_000 });
      expect(await outboxOf(handle.db, first.contact.id)).toHaveLength(2);
      // A customer who becomes due now is sent by the next ticks, the forward still open.
      const second = await dormantCustomer("worker-other");
      await vi.waitFor(
        async () => expect(await outboxOf(handle.db, second.contact.id)).toHaveLength(2),
        { timeout: 10_000 },
      );
      expect(posthog.hangingCount()).toBe(1);
      expect(forwards).toBe(1);
    } finally {
      vi.spyOn(console, "error").mockImplementation(() => {});
      posthog.releaseHanging();
      await stop();
    }
    // The dropped connection failed the forward, and the worker logged it.
    expect(console.error).toHaveBeenCalledWith(
      expect.stringContaining("analytics: forwarding failed"),
      expect.anything(),
    );
  });
});
