import { describe, expect, it } from "vitest";
import { resendEmailProvider } from "./resend-email";
import {
  CLOSED_PORT_URL,
  failureOf,
  fakeServer,
  outgoing,
  type Reply,
} from "@/test/provider-server";

const email = outgoing(
  {
    channel: "email",
    from: "Acme <hello@acme.test>",
    replyTo: "support@acme.test",
    subject: "We miss you",
    html: "<p>Come back</p>",
    text: "Come back",
    headers: { "List-Unsubscribe": "<https://acme.test/u>" },
  },
  "ana@example.com",
);
const key = { idempotencyKey: "delivery:d1:attempt:1" };

const send = (baseUrl: string, timeoutMs?: number) =>
  resendEmailProvider({ apiKey: "re_test", baseUrl, timeoutMs }).send(email, key);

describe("resendEmailProvider", () => {
  it("sends the email with its tags and the idempotency key", async () => {
    const server = await fakeServer(() => ({ status: 200, body: { id: "email-1" } }));

    expect(await send(server.url)).toEqual({ providerMessageId: "email-1" });

    const [request] = server.requests;
    expect(request).toMatchObject({ method: "POST", path: "/emails" });
    expect(request?.headers.authorization).toBe("Bearer re_test");
    expect(request?.headers["idempotency-key"]).toBe("delivery:d1:attempt:1");
    expect(JSON.parse(String(request?.body))).toEqual({
      from: "Acme <hello@acme.test>",
      to: "ana@example.com",
      reply_to: "support@acme.test",
      subject: "We miss you",
      html: "<p>Come back</p>",
      text: "Come back",
      headers: { "List-Unsubscribe": "<https://acme.test/u>" },
      tags: [
        { name: "stage", value: "streak_lost" },
        { name: "delivery_id", value: "delivery_1_a" },
      ],
    });
  });

  const error = (status: number, name: string) => ({
    status,
    body: { statusCode: status, name, message: `${name} happened` },
  });

  it.each([
    ["rate limit", error(429, "rate_limit_exceeded"), "transient", "rate_limited"],
    ["daily quota", error(429, "daily_quota_exceeded"), "transient", "quota_exceeded"],
    [
      "same key in flight",
      error(409, "concurrent_idempotent_requests"),
      "transient",
      "in_progress",
    ],
    ["server error", error(500, "internal_server_error"), "transient", "server_error"],
    [
      "gateway error page",
      { status: 502, body: "<html>Bad gateway</html>" } satisfies Reply,
      "transient",
      "server_error",
    ],
    ["invalid request", error(422, "validation_error"), "permanent", "invalid_request"],
    ["invalid sender", error(422, "invalid_from_address"), "permanent", "invalid_sender"],
    ["bad API key", error(403, "invalid_api_key"), "transient", "auth"],
    ["other refusal", error(400, "invalid_parameter"), "permanent", "rejected"],
  ] as const)("classifies %s", async (_name, reply, kind, errorClass) => {
    const server = await fakeServer(() => reply);
    expect(await failureOf(send(server.url))).toMatchObject({ kind, errorClass });
  });

  it("keeps Retry-After in the failure message", async () => {
    const server = await fakeServer(() => ({
      ...error(429, "rate_limit_exceeded"),
      headers: { "retry-after": "7" },
    }));
    expect((await failureOf(send(server.url))).message).toContain("retry after 7");
  });

  it("gives up on a hanging server as a transient timeout", async () => {
    const server = await fakeServer(() => "hang");
    expect(await failureOf(send(server.url, 150))).toMatchObject({
      kind: "transient",
      errorClass: "timeout",
    });
  });

  it("treats a refused connection as a transient network error", async () => {
    expect(await failureOf(send(CLOSED_PORT_URL))).toMatchObject({
      kind: "transient",
      errorClass: "network_error",
    });
  });
});
