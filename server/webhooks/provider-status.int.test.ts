import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { openTestDb } from "@/test/db";
import { eventsOf } from "@/test/engine";
import { emailStatus } from "./email-status";
import { recordProviderStatus, recordProviderStatusOnce } from "./provider-status";
import { smsStatus } from "./sms-status";
import { sentCustomer as sentCustomerIn } from "@/test/sent-customer";

let handle: DbHandle;
beforeAll(async () => {
  handle = await openTestDb();
});
afterAll(() => handle.close());

const sentCustomer = () => sentCustomerIn(handle.db);

const at = new Date("2026-01-01T15:00:00Z");

describe("provider status webhooks → ledger (SPEC §1.3, §1.5)", () => {
  it("a permanent email bounce makes email unreachable and says so on the timeline", async () => {
    const { contact, idOf, channels } = await sentCustomer();
    const report = emailStatus({
      providerMessageId: idOf("email"),
      occurredAt: at,
      status: "bounced",
      permanent: true,
    });
    expect(await recordProviderStatus(handle.db, report)).toBe(true);
    expect(await channels()).toEqual({ email: "unreachable", sms: "subscribed" });
    const reasons = (await eventsOf(handle.db, contact.id)).map((e) => e.reason);
    expect(reasons).toContain(
      "The email provider reports: bounced permanently (a permanent bounce).",
    );
  });

  it("a delivered email is logged and changes nothing; an unknown message id is not recorded", async () => {
    const { idOf, channels } = await sentCustomer();
    expect(
      await recordProviderStatus(
        handle.db,
        emailStatus({ providerMessageId: idOf("email"), occurredAt: at, status: "delivered" }),
      ),
    ).toBe(true);
    expect(await channels()).toEqual({ email: "subscribed", sms: "subscribed" });
    expect(
      await recordProviderStatus(
        handle.db,
        emailStatus({ providerMessageId: "nope", occurredAt: at, status: "delivered" }),
      ),
    ).toBe(false);
  });

  it.each([
    ["21610", "unsubscribed"],
    ["30006", "unreachable"],
    ["30008", "subscribed"],
  ])("an undelivered SMS with carrier error %s leaves SMS %s", async (code, state) => {
    const { idOf, channels } = await sentCustomer();
    const params = new URLSearchParams({
      MessageSid: idOf("sms"),
      MessageStatus: "undelivered",
      ErrorCode: code,
    });
    expect(await recordProviderStatus(handle.db, smsStatus(params, at)!)).toBe(true);
    expect((await channels()).sms).toBe(state);
  });

  it("ignores the steps before the carrier's answer", () => {
    expect(
      smsStatus(new URLSearchParams({ MessageSid: "SM1", MessageStatus: "sent" }), at),
    ).toBeNull();
  });
});

describe("provider status reports are applied once (a replay changes nothing)", () => {
  const statusEvents = async (contactId: string) =>
    (await eventsOf(handle.db, contactId)).filter((e) => e.type === "provider_status");

  it("logs a replayed email event once, and still applies a later event of the same email", async () => {
    const { contact, idOf, channels } = await sentCustomer();
    const delivered = emailStatus({
      providerMessageId: idOf("email"),
      occurredAt: at,
      status: "delivered",
    });
    expect(await recordProviderStatusOnce(handle.db, "resend", delivered, at)).toEqual({
      applied: true,
      value: true,
    });
    expect(await recordProviderStatusOnce(handle.db, "resend", delivered, at)).toEqual({
      applied: false,
    });
    expect(await statusEvents(contact.id)).toHaveLength(1);
    const bounced = emailStatus({ ...delivered, status: "bounced", permanent: true });
    expect(await recordProviderStatusOnce(handle.db, "resend", bounced, at)).toEqual({
      applied: true,
      value: true,
    });
    expect(await statusEvents(contact.id)).toHaveLength(2);
    expect((await channels()).email).toBe("unreachable");
  });

  it("applies each status of one SMS once, keyed by its SID and status", async () => {
    const { contact, idOf } = await sentCustomer();
    const report = (status: string) =>
      smsStatus(new URLSearchParams({ MessageSid: idOf("sms"), MessageStatus: status }), at)!;
    for (const status of ["undelivered", "undelivered", "delivered", "delivered"])
      await recordProviderStatusOnce(handle.db, "twilio_status", report(status), at);
    expect((await statusEvents(contact.id)).map((e) => e.data)).toEqual([
      { status: "undelivered" },
      { status: "delivered" },
    ]);
  });

  it("applies two copies arriving at the same time once", async () => {
    const { contact, idOf } = await sentCustomer();
    const report = emailStatus({
      providerMessageId: idOf("email"),
      occurredAt: at,
      status: "delivered",
    });
    const copies = await Promise.all(
      [1, 2, 3].map(() => recordProviderStatusOnce(handle.db, "resend", report, at)),
    );
    expect(copies.filter((c) => c.applied)).toHaveLength(1);
    expect(await statusEvents(contact.id)).toHaveLength(1);
  });
});
