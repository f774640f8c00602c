import webpush from "web-push";
import { describe, expect, it, vi } from "vitest";
import type { Db } from "@/db/client";
import { channelDrivers, providerFromEnv, type ProviderEnv } from "./from-env";
import { fakeServer, outgoing } from "@/test/provider-server";

// The Outbox needs a database; these tests only check that unconfigured channels reach it.
vi.mock("./outbox-provider", () => ({
  outboxProvider: () => ({ send: async () => ({ providerMessageId: "outbox-1" }) }),
}));
const db = {} as Db;

const vapid = webpush.generateVAPIDKeys();
const everything: ProviderEnv = {
  RESEND_API_KEY: "re_test",
  TWILIO_ACCOUNT_SID: "AC1",
  TWILIO_AUTH_TOKEN: "token",
  TWILIO_FROM: "+15550001111",
  VAPID_PUBLIC_KEY: vapid.publicKey,
  VAPID_PRIVATE_KEY: vapid.privateKey,
  VAPID_SUBJECT: "mailto:ops@acme.test",
  ZALO_OA_ACCESS_TOKEN: "oa-token",
};

describe("channelDrivers", () => {
  it("uses the Outbox for every channel without keys", () => {
    expect(channelDrivers({})).toEqual({
      email: "outbox",
      sms: "outbox",
      web_push: "outbox",
      zalo: "outbox",
    });
  });

  it("uses each real adapter whose keys are set", () => {
    expect(channelDrivers(everything)).toEqual({
      email: "resend",
      sms: "twilio",
      web_push: "web-push",
      zalo: "zalo",
    });
    const { TWILIO_FROM: _from, ...viaService } = everything;
    expect(channelDrivers({ ...viaService, TWILIO_MESSAGING_SERVICE_SID: "MG1" }).sms).toBe(
      "twilio",
    );
  });

  it.each([
    [
      "Twilio without a token",
      { TWILIO_ACCOUNT_SID: "AC1", TWILIO_FROM: "+1555" },
      /TWILIO_AUTH_TOKEN/,
    ],
    [
      "Twilio without a sender",
      { TWILIO_ACCOUNT_SID: "AC1", TWILIO_AUTH_TOKEN: "t" },
      /TWILIO_FROM/,
    ],
    ["VAPID without a subject", { VAPID_PUBLIC_KEY: "p", VAPID_PRIVATE_KEY: "k" }, /VAPID_SUBJECT/],
  ])("refuses %s rather than silently using the Outbox", (_name, env, message) => {
    expect(() => channelDrivers(env)).toThrow(message);
    expect(() => providerFromEnv(db, env)).toThrow(message);
  });
});

describe("providerFromEnv", () => {
  it("routes each message by channel", async () => {
    const zalo = await fakeServer(() => ({
      status: 200,
      body: { error: 0, data: { message_id: "zm-1" } },
    }));
    const provider = providerFromEnv(db, {
      ZALO_OA_ACCESS_TOKEN: "oa-token",
      ZALO_BASE_URL: zalo.url,
    });
    const key = { idempotencyKey: "k" };

    const zaloMessage = outgoing({ channel: "zalo", text: "Hi", url: "https://a.test" }, "u1");
    const smsMessage = outgoing({ channel: "sms", text: "Hi", segments: 1 }, "+15550002222");

    expect(await provider.send(zaloMessage, key)).toEqual({ providerMessageId: "zm-1" });
    expect(await provider.send(smsMessage, key)).toEqual({ providerMessageId: "outbox-1" });
    expect(zalo.requests).toHaveLength(1);
  });
});
