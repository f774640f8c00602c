import { describe, expect, it } from "vitest";
import { activityInput } from "./activity-input";
import { isQualifying } from "./qualifying";

const now = new Date("2026-11-23T00:00:00Z");
const activityAt = activityInput(now);
const good = {
  externalId: "a1",
  contactExternalId: "c1",
  kind: "job_completed",
  occurredAt: "2026-11-01T15:00:00-06:00",
  revenueMinor: 24_900,
  currency: "USD",
};

describe("activityInput", () => {
  it("accepts an event with revenue in minor units", () => {
    expect(activityAt.safeParse(good).success).toBe(true);
  });

  it.each([
    [{ kind: "nap" }, "kind"],
    [{ occurredAt: "yesterday" }, "occurredAt"],
    [{ occurredAt: "2026-11-01T15:00:00" }, "occurredAt"],
    [{ occurredAt: "0000-01-01T00:00:00Z" }, "occurredAt"],
    [{ occurredAt: "2026-11-24T00:00:00Z" }, "occurredAt"],
    [{ externalId: "a\u0000" }, "externalId"],
    [{ revenueMinor: 12.5 }, "revenueMinor"],
    [{ revenueMinor: -1 }, "revenueMinor"],
    [{ currency: "usd" }, "currency"],
    [{ contactExternalId: "" }, "contactExternalId"],
    [{ currency: undefined }, "currency"],
  ])("rejects %j in field %s", (change, field) => {
    const parsed = activityAt.safeParse({ ...good, ...change });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((i) => i.path.join("."))).toEqual([field]);
  });
});

describe("qualifying activity (SPEC §1.1)", () => {
  it.each([
    ["exercise_completed", true],
    ["job_booked", true],
    ["job_completed", true],
    ["purchase", false],
    ["visit", false],
  ] as const)("%s qualifies: %s", (kind, expected) => {
    expect(isQualifying(kind)).toBe(expected);
  });
});
