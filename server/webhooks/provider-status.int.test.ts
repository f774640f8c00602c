import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { attempts, contacts, deliveries } from "@/db/schema";
import { runUntil } from "@/server/engine/virtual-time";
import { openTestDb } from "@/test/db";
import { eventsOf, recordingProvider } from "@/test/engine";
import { createContact, createTenant } from "@/test/factories";
import { emailStatus } from "./email-status";
import { recordProviderStatus } from "./provider-status";
import { smsStatus } from "./sms-status";

let handle: DbHandle;
beforeAll(async () => {
  handle = await openTestDb();
});
afterAll(() => handle.close());

/** A customer sent the six_months reminder on email and SMS; their provider message ids. */
async function sentCustomer() {
  const tenant = await createTenant(handle.db, "home_services", "America/Chicago");
  const last = new Date("2025-07-01T15:00:00Z");
  const contact = await createContact(handle.db, tenant.id, {
    email: "c@mail.example",
    phone: "+13125550123",
    timeZone: "America/Chicago",
    channels: { email: "subscribed", sms: "subscribed" },
    lastActivityAt: last,
    nextCheckAt: last,
  });
  const { provider } = recordingProvider(handle.db);
  await runUntil(
    handle.db,
    provider,
    new Date("2025-12-31T12:00:00Z"),
    new Date("2026-01-02T00:00:00Z"),
  );
  const rows = await handle.db
    .select({ channel: deliveries.channel, response: attempts.response })
    .from(attempts)
    .innerJoin(deliveries, eq(deliveries.id, attempts.deliveryId))
    .where(eq(deliveries.contactId, contact.id));
  const idOf = (channel: string) =>
    String(rows.find((r) => r.channel === channel)!.response!.providerMessageId);
  const channels = async () =>
    (
      await handle.db
        .select({ c: contacts.channels })
        .from(contacts)
        .where(eq(contacts.id, contact.id))
    )[0]!.c;
  return { contact, idOf, channels };
}

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
