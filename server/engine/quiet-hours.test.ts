import { describe, expect, it } from "vitest";
import { isQuiet, outOfQuietHours } from "./quiet-hours";

const quiet = { start: "22:00", end: "07:00", resumeAt: "08:00" };
const hcm = "Asia/Ho_Chi_Minh"; // UTC+7, no DST
const at = (utc: string) => new Date(utc);

describe("isQuiet — “22:00 is quiet, 07:00 is not” (SPEC §1.2)", () => {
  it.each([
    ["2026-01-01T14:59:00Z", false], // 21:59 local
    ["2026-01-01T15:00:00Z", true], // 22:00
    ["2026-01-01T17:00:00Z", true], // 00:00
    ["2026-01-01T23:59:00Z", true], // 06:59
    ["2026-01-02T00:00:00Z", false], // 07:00
    ["2026-01-02T00:30:00Z", false], // 07:30
  ])("%s → %s", (instant, expected) => {
    expect(isQuiet(at(instant), quiet, hcm)).toBe(expected);
  });

  it("handles a daytime interval and an empty one", () => {
    expect(
      isQuiet(at("2026-01-01T06:00:00Z"), { ...quiet, start: "12:00", end: "14:00" }, hcm),
    ).toBe(true);
    expect(
      isQuiet(at("2026-01-01T06:00:00Z"), { ...quiet, start: "12:00", end: "12:00" }, hcm),
    ).toBe(false);
  });
});

describe("outOfQuietHours — “queued to the next 08:00 local … 07:00–08:00 is not moved”", () => {
  it.each([
    [
      "00:00 local (stage reached at midnight) → 08:00 the same day",
      "2026-01-01T17:00:00Z",
      "2026-01-02T01:00:00.000Z",
    ],
    ["22:30 local → 08:00 the next day", "2026-01-01T15:30:00Z", "2026-01-02T01:00:00.000Z"],
    ["07:30 local is not moved", "2026-01-02T00:30:00Z", "2026-01-02T00:30:00.000Z"],
    ["10:00 local is not moved", "2026-01-02T03:00:00Z", "2026-01-02T03:00:00.000Z"],
  ])("%s", (_, instant, expected) => {
    expect(outOfQuietHours(at(instant), quiet, hcm).toISOString()).toBe(expected);
  });

  it("resumes at 08:00 on the clock on a DST change day", () => {
    // 2026-03-08 00:00 in New York (EST) → 08:00 EDT = 12:00Z.
    expect(
      outOfQuietHours(at("2026-03-08T05:00:00Z"), quiet, "America/New_York").toISOString(),
    ).toBe("2026-03-08T12:00:00.000Z");
  });
});
