import { describe, expect, it } from "vitest";
import { activityInput } from "./activity-input";
import { validateRows } from "@/server/lib/batch";
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

describe("activityInput — the job's service", () => {
  it("accepts a service with a name, and optional details, trimmed", () => {
    const parsed = activityAt.parse({
      ...good,
      service: { name: "  AC tune-up ", details: "Two units.\nFilters replaced." },
    });
    expect(parsed.service).toEqual({
      name: "AC tune-up",
      details: "Two units.\nFilters replaced.",
    });
    expect(activityAt.parse({ ...good, service: { name: "Deep clean" } }).service).toEqual({
      name: "Deep clean",
    });
    expect(activityAt.parse(good).service).toBeUndefined();
  });

  it.each([
    [{}, "service.name", "is required when service is given"],
    [{ name: "" }, "service.name", "must not be empty"],
    [{ name: "   " }, "service.name", "must not be empty"],
    [{ name: 42 }, "service.name", "must be text"],
    [{ name: "x".repeat(101) }, "service.name", "must be at most 100 characters"],
    [
      { name: "AC\ttune-up" },
      "service.name",
      "must not contain control characters such as NUL, tabs or line breaks",
    ],
    [
      { name: "AC", details: "x".repeat(2001) },
      "service.details",
      "must be at most 2,000 characters",
    ],
    [
      { name: "AC", details: "a\u0000b" },
      "service.details",
      "must not contain control characters such as NUL",
    ],
    ["AC tune-up", "service", 'must be an object such as { "name": "Deep clean" }'],
  ])("rejects service %j in field %s: %s", (service, field, reason) => {
    const parsed = activityAt.safeParse({ ...good, service });
    expect(parsed.error?.issues.map((i) => [i.path.join("."), i.message])).toEqual([
      [field, reason],
    ]);
  });

  it("an unknown key of the service is reported by its path, as the API says it", () => {
    const { errors } = validateRows([{ ...good, service: { name: "AC", price: 12 } }], activityAt);
    expect(errors).toEqual([{ index: 0, field: "service.price", reason: "is not a known field" }]);
  });

  it("a 100-character name is accepted", () => {
    expect(activityAt.safeParse({ ...good, service: { name: "x".repeat(100) } }).success).toBe(
      true,
    );
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
