import { describe, expect, it } from "vitest";
import { homeServicesPreset, selfStudyPreset } from "./presets";
import { tenantSettingsSchema } from "./schema";

describe("tenant presets", () => {
  it("are valid settings", () => {
    expect(tenantSettingsSchema.parse(selfStudyPreset)).toEqual(selfStudyPreset);
    expect(tenantSettingsSchema.parse(homeServicesPreset)).toEqual(homeServicesPreset);
  });

  it("self-study follows DEC-0009: 2/7/30/365 days, every 90 days, web push + Zalo", () => {
    expect(selfStudyPreset.cadence.stages.map((s) => [s.key, s.threshold, s.unit])).toEqual([
      ["streak_lost", 2, "day"],
      ["week", 7, "day"],
      ["month", 30, "day"],
      ["year", 365, "day"],
    ]);
    expect(selfStudyPreset.cadence.recurringEveryDays).toBe(90);
    expect(selfStudyPreset.channels).toEqual(["web_push", "zalo"]);
  });

  it("home services follows the module card: 6/9/12 months, no recurring, email + SMS", () => {
    expect(homeServicesPreset.cadence.stages.map((s) => [s.threshold, s.unit])).toEqual([
      [6, "month"],
      [9, "month"],
      [12, "month"],
    ]);
    expect(homeServicesPreset.cadence.recurringEveryDays).toBeNull();
    expect(homeServicesPreset.channels).toEqual(["email", "sms"]);
  });

  it("share the SPEC defaults: quiet 22:00–07:00 resuming 08:00, retries +5 min, +30 min, +2 h", () => {
    for (const preset of [selfStudyPreset, homeServicesPreset]) {
      expect(preset.quietHours).toEqual({ start: "22:00", end: "07:00", resumeAt: "08:00" });
      expect(preset.retryOffsetsMinutes).toEqual([5, 30, 120]);
      expect(preset.excludeDoNotContact).toBe(true);
    }
  });

  it("rejects a bad quiet-hours time with the field that is wrong", () => {
    const bad = {
      ...selfStudyPreset,
      quietHours: { start: "24:00", end: "07:00", resumeAt: "08:00" },
    };
    const parsed = tenantSettingsSchema.safeParse(bad);
    expect(parsed.error?.issues[0]?.path).toEqual(["quietHours", "start"]);
  });

  it("greet a Vietnamese app's learners family name first, home-services customers given name first", () => {
    expect(selfStudyPreset.nameOrder).toBe("family_first");
    expect(homeServicesPreset.nameOrder).toBe("given_first");
  });

  it("settings stored before the name order existed still parse, given-first as greeted then", () => {
    const { nameOrder: _, ...stored } = selfStudyPreset;
    expect(tenantSettingsSchema.parse(stored).nameOrder).toBe("given_first");
  });
});
