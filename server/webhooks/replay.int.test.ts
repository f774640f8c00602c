import { Webhook } from "standardwebhooks";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Db, DbHandle } from "@/db/client";
import { setChannelState } from "@/server/preferences/channel-state";
import { openTestDb } from "@/test/db";
import { eventsOf } from "@/test/engine";
import { sentCustomer } from "@/test/sent-customer";
import { twilioSignature } from "./twilio-signature";

// The routes read their secrets from the environment when first imported: they are imported
// afresh below, after these are set (a worker may have imported them before, for another file).
const secrets = vi.hoisted(() => {
  const values = {
    RESEND_WEBHOOK_SECRET: `whsec_${Buffer.from("replay-test-secret-32-bytes-long").toString("base64")}`,
    TWILIO_AUTH_TOKEN: "replay-test-twilio-auth-token",
  };
  Object.assign(process.env, values);
  return values;
});
const database = vi.hoisted(() => ({ db: undefined as Db | undefined }));
vi.mock("@/db/runtime", () => ({ getDb: async () => database.db }));

vi.resetModules();
const { env } = await import("@/server/env");
const { POST: resendWebhook } = await import("@/app/api/webhooks/resend/route");
const { POST: inboundSms } = await import("@/app/api/webhooks/sms/route");
const { POST: smsStatusCallback } = await import("@/app/api/webhooks/sms/status/route");

let handle: DbHandle;
beforeAll(async () => {
  handle = await openTestDb();
  database.db = handle.db;
});
afterAll(async () => {
  for (const name of Object.keys(secrets)) delete process.env[name];
  await handle.close();
});

const base = env.NEXTAUTH_URL.replace(/\/$/, "");
const at = "2026-01-01T15:00:00.000Z";

/** The exact request Resend would send (Svix-signed now), so sending it twice is a replay. */
function resendRequest(type: string, emailId: string, data: Record<string, unknown> = {}) {
  const body = JSON.stringify({ type, created_at: at, data: { email_id: emailId, ...data } });
  const id = `msg_${type}_${emailId}`;
  const timestamp = new Date();
  const signature = new Webhook(secrets.RESEND_WEBHOOK_SECRET).sign(id, timestamp, body);
  const headers = {
    "svix-id": id,
    "svix-timestamp": String(Math.floor(timestamp.getTime() / 1000)),
    "svix-signature": signature,
  };
  return () => new Request(`${base}/api/webhooks/resend`, { method: "POST", headers, body });
}

/** The exact form Twilio would post, signed for the URL it is configured with. */
function twilioRequest(url: string, params: Record<string, string>) {
  const headers = {
    "content-type": "application/x-www-form-urlencoded",
    "x-twilio-signature": twilioSignature(secrets.TWILIO_AUTH_TOKEN, url, params),
  };
  const body = new URLSearchParams(params).toString();
  return () => new Request(url, { method: "POST", headers, body });
}

const eventsOfType = async (contactId: string, type: string) =>
  (await eventsOf(handle.db, contactId)).filter((e) => e.type === type);

describe("a replayed webhook answers 200 and changes nothing", () => {
  it("Resend: the same signed event within its window is applied once; a later event still applies", async () => {
    const { contact, idOf, channels } = await sentCustomer(handle.db);
    const complained = resendRequest("email.complained", idOf("email"));
    const first = await resendWebhook(complained());
    expect(await first.json()).toMatchObject({ received: true, recorded: true });
    expect((await channels()).email).toBe("unsubscribed");
    // The customer opts back in; the captured complaint must not undo that.
    await setChannelState(handle.db, {
      tenantId: contact.tenantId,
      contactId: contact.id,
      channel: "email",
      state: "subscribed",
      source: "the preference center",
      now: new Date(at),
    });
    const replay = await resendWebhook(complained());
    expect(replay.status).toBe(200);
    expect((await channels()).email).toBe("subscribed");
    expect(await eventsOfType(contact.id, "provider_status")).toHaveLength(1);
    expect(await replay.json()).toEqual({ received: true, recorded: false, duplicate: true });

    const bounced = resendRequest("email.bounced", idOf("email"), {
      bounce: { type: "Permanent" },
    });
    expect(await (await resendWebhook(bounced())).json()).toMatchObject({ recorded: true });
    expect((await channels()).email).toBe("unreachable");
    expect(await eventsOfType(contact.id, "provider_status")).toHaveLength(2);
  });

  it("Twilio inbound SMS: a replayed STOP cannot undo a later START", async () => {
    const phone = "+13125550177";
    const { contact, channels } = await sentCustomer(handle.db, phone);
    const url = `${base}/api/webhooks/sms`;
    const stop = twilioRequest(url, { MessageSid: "SMstop1", From: phone, Body: "STOP" });
    const start = twilioRequest(url, { MessageSid: "SMstart2", From: phone, Body: "START" });
    expect((await inboundSms(stop())).status).toBe(200);
    expect((await channels()).sms).toBe("unsubscribed");
    expect((await inboundSms(start())).status).toBe(200);
    expect((await channels()).sms).toBe("subscribed");

    const replay = await inboundSms(stop());
    expect(replay.status).toBe(200);
    expect(await replay.text()).toBe("<Response/>");
    expect((await channels()).sms).toBe("subscribed");
    expect(await eventsOfType(contact.id, "channel_changed")).toHaveLength(2);
  });

  it("Twilio inbound SMS: a request without its MessageSid is refused", async () => {
    const url = `${base}/api/webhooks/sms`;
    const answer = await inboundSms(twilioRequest(url, { From: "+13125550100", Body: "STOP" })());
    expect(answer.status).toBe(400);
    expect(await answer.json()).toEqual({ error: "MessageSid: is required." });
  });

  it("Twilio status callbacks: a replayed carrier opt-out changes nothing", async () => {
    const { contact, idOf, channels } = await sentCustomer(handle.db);
    const url = env.TWILIO_STATUS_CALLBACK_URL ?? `${base}/api/webhooks/sms/status`;
    const optOut = twilioRequest(url, {
      MessageSid: idOf("sms"),
      MessageStatus: "undelivered",
      ErrorCode: "21610",
    });
    expect((await smsStatusCallback(optOut())).status).toBe(200);
    expect((await channels()).sms).toBe("unsubscribed");
    await setChannelState(handle.db, {
      tenantId: contact.tenantId,
      contactId: contact.id,
      channel: "sms",
      state: "subscribed",
      source: `an SMS reply "START"`,
      now: new Date(at),
    });
    expect((await smsStatusCallback(optOut())).status).toBe(200);
    expect((await channels()).sms).toBe("subscribed");
    expect(await eventsOfType(contact.id, "provider_status")).toHaveLength(1);
  });
});

describe("a signed Twilio form with a control character", () => {
  it("is refused with 400 naming the field, before anything reaches the database", async () => {
    const url = `${base}/api/webhooks/sms`;
    const form = twilioRequest(url, {
      MessageSid: "SM\u0000x",
      From: "+15550001111",
      Body: "STOP",
    });
    const answer = await inboundSms(form());
    expect(answer.status).toBe(400);
    expect(await answer.json()).toEqual({
      error: "Invalid field MessageSid: must not contain control characters such as NUL.",
    });
  });
});
