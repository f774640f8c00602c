import { describe, expect, it } from "vitest";
import { failureOf, fakeServer, outgoing, type Reply } from "@/test/provider-server";
import { zaloProvider } from "./zalo";

const zalo = outgoing(
  { channel: "zalo", text: "Chúng tôi nhớ bạn!", url: "https://acme.test/r/abc" },
  "4455667788",
);
const key = { idempotencyKey: "delivery:d1:attempt:1" };

const provider = (baseUrl: string, timeoutMs = 2_000) =>
  zaloProvider({ accessToken: "oa-token", baseUrl, timeoutMs });

describe("zaloProvider", () => {
  it("posts a CS text message with the link in the text", async () => {
    const server = await fakeServer(() => ({
      status: 200,
      body: { error: 0, message: "Success", data: { message_id: "zm-1", user_id: "4455667788" } },
    }));

    expect(await provider(server.url).send(zalo, key)).toEqual({ providerMessageId: "zm-1" });

    const [request] = server.requests;
    expect(request).toMatchObject({ method: "POST", path: "/v3.0/oa/message/cs" });
    expect(request?.headers.access_token).toBe("oa-token");
    expect(JSON.parse(String(request?.body))).toEqual({
      recipient: { user_id: "4455667788" },
      message: { text: "Chúng tôi nhớ bạn!\nhttps://acme.test/r/abc" },
    });
  });

  it("does not repeat a link the text already has", async () => {
    const server = await fakeServer(() => ({
      status: 200,
      body: { error: 0, data: { message_id: "zm-2" } },
    }));
    const text = "Quay lại: https://acme.test/r/abc";
    const linked = outgoing(
      { channel: "zalo", text, url: "https://acme.test/r/abc" },
      "4455667788",
    );
    await provider(server.url).send(linked, key);
    expect(JSON.parse(String(server.requests[0]?.body)).message.text).toBe(text);
  });

  const error = (code: number, message: string): Reply => ({
    status: 200,
    body: { error: code, message },
  });

  it.each([
    ["an invalid access token", error(-216, "Access token is invalid"), "transient", "auth"],
    [
      "an expired token under another code",
      error(-124, "Access token expired"),
      "transient",
      "auth",
    ],
    [
      "a user not following the OA",
      error(-213, "User has not followed OA"),
      "permanent",
      "not_follower",
    ],
    ["an invalid parameter", error(-201, "Parameter is invalid"), "permanent", "invalid_request"],
    ["a rate limit", error(-32, "Exceed rate limit"), "transient", "rate_limited"],
    ["an unknown error", error(-999, "Something broke"), "transient", "provider_error"],
    ["an HTTP 429", { status: 429, body: "slow down" }, "transient", "rate_limited"],
    ["an HTTP 500", { status: 500, body: "oops" }, "transient", "server_error"],
    ["an HTTP 404", { status: 404, body: "not found" }, "permanent", "rejected"],
  ] as const)("classifies %s", async (_name, reply, kind, errorClass) => {
    const server = await fakeServer(() => reply);
    expect(await failureOf(provider(server.url).send(zalo, key))).toMatchObject({
      kind,
      errorClass,
    });
  });

  it("gives up on a hanging server as a transient timeout", async () => {
    const server = await fakeServer(() => "hang");
    const sending = provider(server.url, 150).send(zalo, key);
    expect(await failureOf(sending)).toMatchObject({ kind: "transient", errorClass: "timeout" });
  });
});
