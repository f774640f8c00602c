import { describe, expect, it } from "vitest";
import { presetFor } from "@/db/presets";
import { sampleContact } from "@/server/settings/preview";
import type { TenantSettings } from "@/server/settings/schema";
import { yearAhead } from "./year-ahead";

/*
 * Hand-derived (SPEC §1.1–1.2): a Chicago customer whose last job was 2025-07-01 10:00 local,
 * previewed from 2025-11-15 12:00 local for a year. Each month stage is reached at local midnight
 * and goes out at the 08:00 resume time: 08:00 CST is 14:00Z, 08:00 CDT is 13:00Z.
 */
const home = presetFor("home_services");
const tenant = { id: "t", kind: "home_services" as const };
const customer = (settings: TenantSettings) =>
  sampleContact(
    {
      label: "Maria",
      timeZone: "America/Chicago",
      lastActivityAt: new Date("2025-07-01T15:00:00Z"),
    },
    0,
    undefined,
    tenant,
    settings,
  );
const window = { from: new Date("2025-11-15T18:00:00Z"), until: new Date("2026-11-15T06:00:00Z") };
const withLadder = (thresholds: [string, number][]): TenantSettings => ({
  ...home,
  cadence: {
    ...home.cadence,
    stages: thresholds.map(([key, threshold]) => ({ key, label: key, threshold, unit: "month" })),
  },
});
const brief = (list: ReturnType<typeof yearAhead>) =>
  list.map((r) => [r.key, r.dueAt.toISOString(), r.channels.map((c) => c.status).join("/")]);

describe("yearAhead: a year of reminders in virtual time", () => {
  it("lists the preset's stages at 08:00 local, across the DST change", () => {
    expect(brief(yearAhead(customer(home), [], window))).toEqual([
      ["six_months", "2026-01-01T14:00:00.000Z", "sent/sent"],
      ["nine_months", "2026-04-01T13:00:00.000Z", "sent/sent"],
      ["twelve_months", "2026-07-01T13:00:00.000Z", "sent/sent"],
    ]);
  });

  it("skips a milestone the new ladder puts in the past, when the owner chooses skip", () => {
    const next = withLadder([
      ["three_months", 3],
      ["six_months", 6],
      ["nine_months", 9],
      ["twelve_months", 12],
    ]);
    const list = yearAhead(customer(next), [], window, {
      before: home,
      lateMilestones: "skip",
      version: 2,
    });
    expect(brief(list)).toEqual([
      ["three_months", "2025-11-15T18:00:00.000Z", "skipped/skipped"],
      ["six_months", "2026-01-01T14:00:00.000Z", "sent/sent"],
      ["nine_months", "2026-04-01T13:00:00.000Z", "sent/sent"],
      ["twelve_months", "2026-07-01T13:00:00.000Z", "sent/sent"],
    ]);
    expect(list[0]!.why[0]).toMatch(/put in the past by the settings change/);
  });

  it("sends it at once when the owner chooses send (12:00 local is outside quiet hours)", () => {
    const next = withLadder([
      ["three_months", 3],
      ["six_months", 6],
    ]);
    const list = yearAhead(customer(next), [], window, {
      before: home,
      lateMilestones: "send",
      version: 2,
    });
    expect(brief(list)).toEqual([
      ["three_months", "2025-11-15T18:00:00.000Z", "sent/sent"],
      ["six_months", "2026-01-01T14:00:00.000Z", "sent/sent"],
    ]);
  });

  it("moves a reminder out of new quiet hours and says why", () => {
    const late = { ...home, quietHours: { start: "20:00", end: "10:00", resumeAt: "10:30" } };
    const [first] = yearAhead(customer(late), [], window);
    // 10:30 CST on 2026-01-01 is 16:30Z.
    expect(first!.dueAt.toISOString()).toBe("2026-01-01T16:30:00.000Z");
    expect(first!.why.join(" ")).toMatch(/inside quiet hours 20:00–10:00/);
  });
});
