import { describe, expect, it } from "vitest";
import { failureOf, fakeServer, outgoing, type Reply } from "@/test/provider-server";
import { twilioSmsProvider, type TwilioSender } from "./twilio-sms";

const sms = outgoing(
  { channel: "sms", text: "We miss you. Reply STOP to opt out", segments: 1 },
  "+15550002222",
);
const key = { idempotencyKey: "delivery:d1:attempt:2" };

function provider(
  baseUrl: string,
  sender: TwilioSender = { from: "+15550001111" },
  timeoutMs = 2_000,
) {
  return twilioSmsProvider({
    ...sender,
    accountSid: "AC123",
    authToken: "token-1",
    statusCallbackUrl: "https://app.test/api/webhooks/twilio/status",
    baseUrl,
    timeoutMs,
  });
}

describe("twilioSmsProvider", () => {
  it("posts the message form with basic auth and the idempotency token", async () => {
    const server = await fakeServer(() => ({
      status: 201,
      body: { sid: "SM1", status: "queued" },
    }));

    expect(await provider(server.url).send(sms, key)).toEqual({ providerMessageId: "SM1" });

    const [request] = server.requests;
    expect(request).toMatchObject({
      method: "POST",
      path: "/2010-04-01/Accounts/AC123/Messages.json",
    });
    expect(request?.headers.authorization).toBe(
      `Basic ${Buffer.from("AC123:token-1").toString("base64")}`,
    );
    expect(request?.headers["i-twilio-idempotency-token"]).toBe("delivery:d1:attempt:2");
    expect(request?.headers["content-type"]).toContain("application/x-www-form-urlencoded");
    expect(Object.fromEntries(new URLSearchParams(String(request?.body)))).toEqual({
      To: "+15550002222",
      From: "+15550001111",
      Body: "We miss you. Reply STOP to opt out",
      StatusCallback: "https://app.test/api/webhooks/twilio/status",
    });
  });

  it("sends through a Messaging Service instead of a number", async () => {
    const server = await fakeServer(() => ({ status: 201, body: { sid: "SM2" } }));
    await provider(server.url, { messagingServiceSid: "MG9" }).send(sms, key);
    const form = new URLSearchParams(String(server.requests[0]?.body));
    expect(form.get("MessagingServiceSid")).toBe("MG9");
    expect(form.has("From")).toBe(false);
  });

  const error = (status: number, code: number): Reply => ({
    status,
    body: { code, message: `error ${code}`, more_info: "https://twilio.test", status },
  });

  it.each([
    ["an invalid number", error(400, 21211), "permanent", "invalid_recipient"],
    ["a landline", error(400, 21614), "permanent", "invalid_recipient"],
    ["an unsubscribed recipient", error(400, 21610), "permanent", "opted_out"],
    ["another refusal", error(400, 21408), "permanent", "rejected"],
    ["bad credentials", error(401, 20003), "transient", "auth"],
    ["a rate limit", error(429, 20429), "transient", "rate_limited"],
    ["a server error", error(500, 20500), "transient", "server_error"],
    ["an outage page", { status: 503, body: "Service Unavailable" }, "transient", "server_error"],
    ["a success without sid", { status: 201, body: {} }, "transient", "unexpected_response"],
  ] as const)("classifies %s", async (_name, reply, kind, errorClass) => {
    const server = await fakeServer(() => reply);
    expect(await failureOf(provider(server.url).send(sms, key))).toMatchObject({
      kind,
      errorClass,
    });
  });

  it("gives up on a hanging server as a transient timeout", async () => {
    const server = await fakeServer(() => "hang");
    const sending = provider(server.url, undefined, 150).send(sms, key);
    expect(await failureOf(sending)).toMatchObject({ kind: "transient", errorClass: "timeout" });
  });
});
