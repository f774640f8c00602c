import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { deliveries } from "@/db/schema";
import { runBatch } from "@/server/http/batch-request";
import { recordInline } from "@/server/activity/recorders";
import { activityBatch } from "@/server/http/endpoints";
import { setChannelState } from "@/server/preferences/channel-state";
import { openTestDb } from "@/test/db";
import { deliveriesOf, eventsOf, recordingProvider } from "@/test/engine";
import { createContact, createKey, createTenant } from "@/test/factories";
import { ProviderError, type ChannelProvider } from "../channels/provider";
import { runUntil } from "../virtual-time";
import { plan } from "./plan";
import { recordClick } from "./record-click";
import { sendDeliveries } from "./send";
import { apiRequest } from "@/test/api-request";

let handle: DbHandle;
beforeAll(async () => {
  handle = await openTestDb();
});
afterAll(() => handle.close());

const hcm = "Asia/Ho_Chi_Minh";
const now = new Date("2026-01-03T01:00:00Z"); // 08:00 local: streak_lost goes out on both channels

/**
 * A learner whose streak_lost reminder is claimed on web push and Zalo, and a provider that
 * delivers web push at once but holds the Zalo call until `release`, then fails it transiently
 * (a timeout): the Zalo attempt is in flight while the test commits something.
 */
async function zaloInFlight() {
  const tenant = await createTenant(handle.db, "self_study", hcm);
  const contact = await createContact(handle.db, tenant.id, {
    externalId: `learner-${crypto.randomUUID()}`,
    timeZone: hcm,
    channels: { web_push: "subscribed", zalo: "subscribed" },
    lastActivityAt: new Date("2026-01-01T03:00:00Z"),
    nextCheckAt: new Date("2026-01-01T03:00:00Z"),
  });
  await plan(handle.db, contact.id, now);
  await handle.db
    .update(deliveries)
    .set({ status: "sending" })
    .where(eq(deliveries.contactId, contact.id));
  const [webPush, zalo] = await deliveriesOf(handle.db, contact.id);
  const recording = recordingProvider(handle.db);
  let release = () => {};
  const released = new Promise<void>((resolve) => (release = resolve));
  let inFlight = () => {};
  const entered = new Promise<void>((resolve) => (inFlight = resolve));
  let zaloCalls = 0;
  const provider: ChannelProvider = {
    async send(message, options) {
      if (message.channel !== "zalo" || message.contactId !== contact.id)
        return recording.provider.send(message, options);
      zaloCalls++;
      inFlight();
      await released;
      throw new ProviderError("transient", "timed out");
    },
  };
  const sending = sendDeliveries(handle.db, provider, [webPush!.id, zalo!.id], now);
  await entered;
  return {
    tenant,
    contact,
    webPush: webPush!,
    zalo: zalo!,
    /** Lets the held call fail, waits for its outcome, then runs the engine for three hours. */
    finish: async () => {
      release();
      await sending;
      await runUntil(handle.db, provider, now, new Date(now.getTime() + 3 * 3_600_000));
      return { zaloCalls };
    },
  };
}

const zaloNow = async (contactId: string) =>
  (await deliveriesOf(handle.db, contactId)).find((d) => d.channel === "zalo")!;
const eventTypesOf = async (deliveryId: string, contactId: string) =>
  (await eventsOf(handle.db, contactId))
    .filter((e) => e.deliveryId === deliveryId)
    .map((e) => e.type);

describe("a return wins over an attempt in flight (SPEC §1.4)", () => {
  it("a click committed while the Zalo call is in flight: its failure is canceled, never retried", async () => {
    const { contact, webPush, zalo, finish } = await zaloInFlight();
    expect(await recordClick(handle.db, webPush.id, now)).toBe(true);

    expect(await finish()).toEqual({ zaloCalls: 1 });
    expect(await zaloNow(contact.id)).toMatchObject({ status: "canceled", reason: "clicked" });
    expect(await eventTypesOf(zalo.id, contact.id)).toEqual(
      expect.arrayContaining(["attempt_failed", "canceled_return"]),
    );
    expect(await eventTypesOf(zalo.id, contact.id)).not.toContain("retry_scheduled");
  });

  it("an activity committed while the Zalo call is in flight: canceled as a reset", async () => {
    const { tenant, contact, zalo, finish } = await zaloInFlight();
    const request = apiRequest("/api/v1/activity", await createKey(handle.db, tenant.id), {
      activity: [
        {
          externalId: `ex-${zalo.id}`,
          contactExternalId: contact.externalId,
          kind: "exercise_completed",
          occurredAt: now.toISOString(),
        },
      ],
    });
    expect(
      await (await runBatch(handle.db, request, activityBatch(recordInline), now)).json(),
    ).toMatchObject({ stored: 1 });

    expect(await finish()).toEqual({ zaloCalls: 1 });
    expect(await zaloNow(contact.id)).toMatchObject({ status: "canceled", reason: "activity" });
    expect(await eventTypesOf(zalo.id, contact.id)).toContain("canceled_reset");
    expect(await eventTypesOf(zalo.id, contact.id)).not.toContain("retry_scheduled");
  });

  it("an unsubscribe from Zalo committed while its call is in flight: canceled, never retried", async () => {
    const { tenant, contact, zalo, finish } = await zaloInFlight();
    await setChannelState(handle.db, {
      tenantId: tenant.id,
      contactId: contact.id,
      channel: "zalo",
      state: "unsubscribed",
      source: "the preference center",
      now,
    });

    expect(await finish()).toEqual({ zaloCalls: 1 });
    expect(await zaloNow(contact.id)).toMatchObject({ status: "canceled", reason: "opted_out" });
    expect(await eventTypesOf(zalo.id, contact.id)).toContain("canceled_excluded");
    expect(await eventTypesOf(zalo.id, contact.id)).not.toContain("retry_scheduled");
  });
});
