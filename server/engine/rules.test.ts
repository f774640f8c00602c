import { describe, expect, it } from "vitest";
import { channelBlock, isDoNotContact } from "./audience";
import { pastDailyCap } from "./cap";
import { classifyStatus } from "./channels/http-failure";
import { retryAt } from "./retry";
import {
  nextMilestone,
  pendingStages,
  recurringReachedAt,
  splitReached,
  stageReachedAt,
  type Milestone,
} from "./stages";
import { selfStudyPreset, homeServicesPreset } from "@/db/presets";
import { daysBetween, localDate } from "./time";

const quiet = { start: "22:00", end: "07:00", resumeAt: "08:00" };
const hcm = "Asia/Ho_Chi_Minh";
const iso = (d: Date | null) => d?.toISOString() ?? null;
const stage = (key: string) => selfStudyPreset.cadence.stages.find((s) => s.key === key)!;

describe("stageReachedAt (SPEC §1.1)", () => {
  it.each([
    // "streak_lost at 2 days (reached at the start of the local date of the last activity + 2)"
    ["streak_lost", "2026-01-01T14:00:00Z", hcm, "2026-01-02T17:00:00.000Z"], // Jan 1 21:00 → Jan 3 00:00
    ["streak_lost", "2026-01-01T18:00:00Z", hcm, "2026-01-03T17:00:00.000Z"], // Jan 2 01:00 → Jan 4 00:00
    ["week", "2025-12-31T18:00:00Z", "America/Los_Angeles", "2026-01-07T08:00:00.000Z"],
    ["year", "2026-01-01T03:00:00Z", "Pacific/Kiritimati", "2026-12-31T10:00:00.000Z"],
  ])("%s after %s in %s is reached at %s", (key, last, zone, expected) => {
    expect(iso(stageReachedAt(new Date(last), stage(key), zone))).toBe(expected);
  });

  it("counts calendar months: 6 months after 2026-03-31 is 2026-09-30", () => {
    const six = homeServicesPreset.cadence.stages[0]!;
    const reached = stageReachedAt(new Date("2026-03-31T15:00:00Z"), six, "America/Chicago");
    expect(localDate(reached, "America/Chicago")).toBe("2026-09-30");
    expect(iso(reached)).toBe("2026-09-30T05:00:00.000Z");
  });
});

describe("highest stage only (SPEC §1.1)", () => {
  const last = new Date("2026-01-01T03:00:00Z");
  const pending = pendingStages(selfStudyPreset.cadence.stages, new Set(), last, hcm);

  it("an already-dormant import gets only the highest reached stage", () => {
    const { highest, superseded } = splitReached(pending, new Date("2026-02-15T03:00:00Z"));
    expect(highest?.key).toBe("month");
    expect(superseded.map((m) => m.key)).toEqual(["streak_lost", "week"]);
  });

  it("nothing is reached before the first threshold", () => {
    expect(splitReached(pending, new Date("2026-01-02T16:59:00Z")).highest).toBeNull();
  });

  it("handled stages are not pending again in the cycle", () => {
    const rest = pendingStages(
      selfStudyPreset.cadence.stages,
      new Set(["streak_lost", "week"]),
      last,
      hcm,
    );
    expect(rest.map((m) => m.key)).toEqual(["month", "year"]);
  });
});

describe("recurring (SPEC §1.1)", () => {
  it("is reached N local days after the local date of the first attempt", () => {
    // First attempt Jan 31 08:00 local → +90 days = May 1 00:00 local.
    expect(iso(recurringReachedAt(new Date("2026-01-31T01:00:00Z"), 90, hcm))).toBe(
      "2026-04-30T17:00:00.000Z",
    );
  });

  it("yields to a one-time stage reached first, then restarts from it", () => {
    const at = (d: string) => new Date(d);
    expect(
      nextMilestone([{ key: "year", reachedAt: at("2026-12-31") }], at("2026-10-01"))?.key,
    ).toBe("recurring");
    expect(
      nextMilestone([{ key: "year", reachedAt: at("2026-12-31") }], at("2027-01-30"))?.key,
    ).toBe("year");
    expect(nextMilestone([], null)).toBeNull();
  });

  it("gives the preset's sequence: day 2, 7, 30, 120, 210, 300, 365, 455, 545", () => {
    const last = new Date("2026-01-01T03:00:00Z");
    const lastDay = localDate(last, hcm);
    const days: number[] = [];
    const handled = new Set<string>();
    let firstAttempt: Date | null = null;
    while (days.length < 9) {
      const pending = pendingStages(selfStudyPreset.cadence.stages, handled, last, hcm);
      const recurring: Date | null = firstAttempt && recurringReachedAt(firstAttempt, 90, hcm);
      const next: Milestone = nextMilestone(pending, recurring)!;
      if (next.key !== "recurring") handled.add(next.key);
      firstAttempt = new Date(next.reachedAt.getTime() + 8 * 3_600_000); // sent at 08:00 that day
      days.push(daysBetween(lastDay, localDate(next.reachedAt, hcm)));
    }
    expect(days).toEqual([2, 7, 30, 120, 210, 300, 365, 455, 545]);
  });
});

describe("daily cap (SPEC §1.2)", () => {
  it("moves a reminder to the resume time of the next free local day", () => {
    const due = new Date("2026-01-02T01:00:00Z"); // Jan 2 08:00 local
    expect(iso(pastDailyCap(due, new Set(), quiet, hcm))).toBe(iso(due));
    expect(iso(pastDailyCap(due, new Set(["2026-01-02"]), quiet, hcm))).toBe(
      "2026-01-03T01:00:00.000Z",
    );
    expect(iso(pastDailyCap(due, new Set(["2026-01-02", "2026-01-03"]), quiet, hcm))).toBe(
      "2026-01-04T01:00:00.000Z",
    );
  });
});

describe("retries (SPEC §1.3)", () => {
  const offsets = [5, 30, 120];
  it.each([
    [1, "2026-01-02T01:00:00Z", "2026-01-02T01:05:00.000Z"],
    [2, "2026-01-02T01:05:00Z", "2026-01-02T01:35:00.000Z"],
    [3, "2026-01-02T01:35:00Z", "2026-01-02T03:35:00.000Z"],
    // A retry inside quiet hours moves to the next 08:00: 21:00 local + 2 h = 23:00 → 08:00.
    [3, "2026-01-02T14:00:00Z", "2026-01-03T01:00:00.000Z"],
    [4, "2026-01-02T03:35:00Z", null],
  ])("retry %i after a failure at %s is due %s", (k, failedAt, expected) => {
    expect(iso(retryAt(new Date(failedAt), k, offsets, quiet, hcm))).toBe(expected);
  });

  it.each([
    [408, "transient"],
    [429, "transient"],
    [500, "transient"],
    [503, "transient"],
    [400, "permanent"],
    [401, "transient"],
    [403, "transient"],
    [404, "permanent"],
    [422, "permanent"],
  ] as const)("HTTP %i is %s", (status, kind) => {
    expect(classifyStatus(status).kind).toBe(kind);
  });
});

describe("audience (SPEC §1.5)", () => {
  const contact = {
    tags: [],
    channels: { email: "unsubscribed", sms: "subscribed", zalo: "unreachable" },
  } as const;
  it.each([
    ["email", "opted_out"],
    ["sms", null],
    ["zalo", "unreachable"],
    ["web_push", "unreachable"],
  ] as const)("%s → %s: unsubscribing from email stops email only", (channel, expected) => {
    expect(channelBlock({ ...contact, tags: [] }, channel, true)).toBe(expected);
  });

  it("excludes do-not-contact contacts on every channel when the tenant says so", () => {
    const dnc = { ...contact, tags: ["do-not-contact"] };
    expect(channelBlock(dnc, "sms", true)).toBe("do_not_contact");
    expect(channelBlock(dnc, "sms", false)).toBeNull();
    expect(isDoNotContact(dnc, true)).toBe(true);
  });
});
