import { describe, expect, it } from "vitest";
import { homeServicesPreset, selfStudyPreset } from "@/db/presets";
import { stageKeySchema, tenantSettingsSchema } from "@/server/settings/schema";

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

describe("stage keys", () => {
  it.each(["streak_lost", "six_months", "6_months", "12_months", "month2"])("accepts %s", (key) => {
    expect(stageKeySchema.safeParse(key).success).toBe(true);
  });

  it.each([
    [
      "Six_Months",
      "must be lower_snake_case: lowercase letters, digits and underscores, such as six_months or 6_months",
    ],
    [
      "_months",
      "must be lower_snake_case: lowercase letters, digits and underscores, such as six_months or 6_months",
    ],
    [
      "6 months",
      "must be lower_snake_case: lowercase letters, digits and underscores, such as six_months or 6_months",
    ],
    ["6", "must not be digits only: add a unit, such as 6_months"],
    ["recurring", "is reserved for the recurring reminder"],
  ])("rejects %j: %s", (key, message) => {
    expect(stageKeySchema.safeParse(key).error?.issues.map((i) => i.message)).toEqual([message]);
  });

  it("are checked in the cadence, naming the stage", () => {
    const settings = {
      ...homeServicesPreset,
      cadence: {
        ...homeServicesPreset.cadence,
        stages: [{ key: "6_months", label: "6 months", threshold: 6, unit: "month" }],
      },
    };
    expect(tenantSettingsSchema.safeParse(settings).success).toBe(true);
    const bad = {
      ...settings,
      cadence: { ...settings.cadence, stages: [{ ...settings.cadence.stages[0], key: "6" }] },
    };
    expect(tenantSettingsSchema.safeParse(bad).error?.issues[0]?.path).toEqual([
      "cadence",
      "stages",
      0,
      "key",
    ]);
  });
});
