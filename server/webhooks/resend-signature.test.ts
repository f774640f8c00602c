import { randomBytes } from "node:crypto";
import { Webhook } from "standardwebhooks";
import { describe, expect, it, vi } from "vitest";
import { verifyResendWebhook } from "./resend-signature";

const secret = `whsec_${randomBytes(24).toString("base64")}`;

function event(type: string, data: Record<string, unknown> = {}) {
  return JSON.stringify({
    type,
    created_at: "2025-05-01T08:00:00.000Z",
    data: { email_id: "email-1", to: ["ana@example.com"], ...data },
  });
}

/** The headers Resend (through Svix) sends with `body`. */
function signed(body: string, options: { key?: string; at?: Date } = {}) {
  const at = options.at ?? new Date();
  return {
    "svix-id": "msg_1",
    "svix-timestamp": String(Math.floor(at.getTime() / 1000)),
    "svix-signature": new Webhook(options.key ?? secret).sign("msg_1", at, body),
  };
}

describe("verifyResendWebhook", () => {
  it.each([
    ["email.delivered", {}, { status: "delivered" }],
    ["email.complained", {}, { status: "complained" }],
    ["email.delivery_delayed", {}, { status: "delivery_delayed" }],
    ["email.bounced", { bounce: { type: "Permanent" } }, { status: "bounced", permanent: true }],
    ["email.bounced", { bounce: { type: "Transient" } }, { status: "bounced", permanent: false }],
    ["email.bounced", {}, { status: "bounced", permanent: true }],
  ])("reads %s %j", (type, data, expected) => {
    const body = event(type, data);
    expect(verifyResendWebhook(body, signed(body), secret)).toEqual({
      ok: true,
      event: {
        providerMessageId: "email-1",
        occurredAt: new Date("2025-05-01T08:00:00.000Z"),
        ...expected,
      },
    });
  });

  it("accepts a Fetch Headers object and any header case", () => {
    const body = event("email.delivered");
    const headers = signed(body);
    expect(verifyResendWebhook(body, new Headers(headers), secret).ok).toBe(true);
    const upper = Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toUpperCase(), v]));
    expect(verifyResendWebhook(body, upper, secret).ok).toBe(true);
  });

  it("verifies but ignores events that are not delivery outcomes", () => {
    const body = event("email.opened");
    expect(verifyResendWebhook(body, signed(body), secret)).toEqual({ ok: true, event: null });
  });

  it.each([
    ["the year 0000", "0000-01-01T00:00:00Z"],
    ["a time after its signature", "9999-12-31T23:59:59Z"],
    ["no time at all", "soon"],
  ])("dates an event from %s when Resend signed it", (_, createdAt) => {
    const at = new Date("2026-11-23T12:00:00Z");
    vi.useFakeTimers({ now: at, toFake: ["Date"] });
    const body = JSON.stringify({
      type: "email.delivered",
      created_at: createdAt,
      data: { email_id: "email-1" },
    });
    expect(verifyResendWebhook(body, signed(body, { at }), secret)).toEqual({
      ok: true,
      event: { providerMessageId: "email-1", occurredAt: at, status: "delivered" },
    });
    vi.useRealTimers();
  });

  it("verifies but ignores an event whose message id holds a NUL", () => {
    const body = event("email.delivered", { email_id: "email\u0000-1" });
    expect(verifyResendWebhook(body, signed(body), secret)).toEqual({ ok: true, event: null });
  });

  it("refuses an altered body", () => {
    const body = event("email.delivered");
    const result = verifyResendWebhook(event("email.bounced"), signed(body), secret);
    expect(result.ok).toBe(false);
  });

  it("refuses a signature made with another secret", () => {
    const body = event("email.delivered");
    const other = `whsec_${randomBytes(24).toString("base64")}`;
    expect(verifyResendWebhook(body, signed(body, { key: other }), secret).ok).toBe(false);
  });

  it("refuses a stale timestamp even with a valid signature", () => {
    const body = event("email.delivered");
    const headers = signed(body, { at: new Date(Date.now() - 10 * 60_000) });
    expect(verifyResendWebhook(body, headers, secret)).toEqual({
      ok: false,
      reason: "Message timestamp too old",
    });
  });

  it("refuses a request without signature headers", () => {
    expect(verifyResendWebhook(event("email.delivered"), {}, secret).ok).toBe(false);
  });
});
