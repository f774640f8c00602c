import { describe, expect, it } from "vitest";
import { toAnalyticsEvent, type LedgerFact } from "./posthog-events";

const at = new Date("2026-01-03T01:00:00Z");
const ids = {
  event: "00000000-0000-4000-8000-000000000001",
  tenant: "00000000-0000-4000-8000-000000000002",
  contact: "00000000-0000-4000-8000-000000000003",
  cycle: "00000000-0000-4000-8000-000000000004",
  reminder: "00000000-0000-4000-8000-000000000005",
  delivery: "00000000-0000-4000-8000-000000000006",
  template: "00000000-0000-4000-8000-000000000007",
};

const delivery: NonNullable<LedgerFact["delivery"]> = {
  id: ids.delivery,
  reminderId: ids.reminder,
  cycleId: ids.cycle,
  stage: "month",
  sequence: 0,
  channel: "sms",
  variantId: ids.template,
  attempts: 2,
};

function fact(fields: Partial<LedgerFact>): LedgerFact {
  return {
    id: ids.event,
    seq: 1,
    type: "sent",
    tenantId: ids.tenant,
    contactId: ids.contact,
    cycleId: null,
    at,
    data: {},
    sandbox: false,
    delivery,
    revenue: [],
    ...fields,
  };
}

const envelope = {
  distinctId: ids.contact,
  groups: { workspace: ids.tenant },
  timestamp: at,
  uuid: ids.event,
};
const aboutTheDelivery = {
  workspaceId: ids.tenant,
  cycleId: ids.cycle,
  reminderId: ids.reminder,
  deliveryId: ids.delivery,
  stage: "month",
  sequence: 0,
  channel: "sms",
  variantId: ids.template,
};

describe("toAnalyticsEvent: the PostHog event of a ledger event", () => {
  it("sent → reminder_sent, with the stage, channel, variant and attempts", () => {
    expect(toAnalyticsEvent(fact({ type: "sent" }))).toEqual({
      ...envelope,
      event: "reminder_sent",
      properties: { ...aboutTheDelivery, attempts: 2 },
    });
  });

  it("clicked → reminder_clicked", () => {
    expect(toAnalyticsEvent(fact({ type: "clicked" }))).toEqual({
      ...envelope,
      event: "reminder_clicked",
      properties: aboutTheDelivery,
    });
  });

  it("reactivated → contact_reactivated, with the return's revenue and currency", () => {
    const reactivated = fact({
      type: "reactivated",
      cycleId: ids.cycle,
      revenue: [{ currency: "USD", revenueMinor: 32_500 }],
    });
    expect(toAnalyticsEvent(reactivated)).toEqual({
      ...envelope,
      event: "contact_reactivated",
      properties: { ...aboutTheDelivery, revenueMinor: 32_500, currency: "USD" },
    });
  });

  it("a reactivation without revenue has no revenue properties", () => {
    const event = toAnalyticsEvent(fact({ type: "reactivated", cycleId: ids.cycle }));
    expect(event?.properties).toEqual(aboutTheDelivery);
  });

  it("revenue in several currencies: one property per currency, never summed", () => {
    const event = toAnalyticsEvent(
      fact({
        type: "reactivated",
        revenue: [
          { currency: "USD", revenueMinor: 500 },
          { currency: "VND", revenueMinor: 250_000 },
        ],
      }),
    );
    expect(event?.properties).toEqual({
      ...aboutTheDelivery,
      "revenueMinor:USD": 500,
      "revenueMinor:VND": 250_000,
    });
  });

  it("the built-in message is variant `fallback`; a deleted variant has no variant id", () => {
    const fallback = fact({ delivery: { ...delivery, variantId: "fallback" } });
    expect(toAnalyticsEvent(fallback)?.properties.variantId).toBe("fallback");
    const deleted = fact({ delivery: { ...delivery, variantId: null } });
    expect(toAnalyticsEvent(deleted)?.properties).not.toHaveProperty("variantId");
  });

  it("channel_changed to unsubscribed → channel_unsubscribed, with the channel only", () => {
    const change = fact({
      type: "channel_changed",
      delivery: null,
      data: { channel: "email", state: "unsubscribed" },
    });
    expect(toAnalyticsEvent(change)).toEqual({
      ...envelope,
      event: "channel_unsubscribed",
      properties: { workspaceId: ids.tenant, channel: "email" },
    });
  });

  it.each([
    ["a re-subscription", { channel: "email", state: "subscribed" }],
    ["a channel marked unreachable", { channel: "sms", state: "unreachable" }],
    ["a change of no known channel", { channel: "fax", state: "unsubscribed" }],
  ])("no event for %s", (_, data) => {
    expect(toAnalyticsEvent(fact({ type: "channel_changed", delivery: null, data }))).toBeNull();
  });

  it.each(["attempt_started", "content_chosen", "cycle_closed", "link_scanned", "failed"])(
    "no event for the ledger's %s",
    (type) => {
      expect(toAnalyticsEvent(fact({ type }))).toBeNull();
    },
  );

  it("no event from a sandbox (demo) workspace", () => {
    expect(toAnalyticsEvent(fact({ sandbox: true }))).toBeNull();
  });

  it("no event about a delivery the ledger event does not name", () => {
    expect(toAnalyticsEvent(fact({ type: "sent", delivery: null }))).toBeNull();
  });
});
