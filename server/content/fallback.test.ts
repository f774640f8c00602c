import { describe, expect, it } from "vitest";
import type { Channel } from "@/db/schema/enums";
import { presetFor } from "@/server/settings/presets";
import { FALLBACK_CTA, fallbackVariant } from "./fallback";
import { checkPlaceholders, findPlaceholders } from "./placeholders";
import { textFields, variantContent } from "./variant-content";

const channels: Channel[] = ["email", "sms", "web_push", "zalo"];
const stages = [
  ...presetFor("self_study").cadence.stages.map((s) => s.key),
  ...presetFor("home_services").cadence.stages.map((s) => s.key),
  "recurring",
  "custom_winback",
];
const cases = stages.flatMap((stage) => channels.map((channel) => [stage, channel] as const));

describe("fallbackVariant — “the built-in safe fallback template … always exists and is plain and correct” (SPEC §1.6)", () => {
  it("covers both presets' stages, recurring and a custom stage", () => {
    expect(stages).toEqual([
      "streak_lost",
      "week",
      "month",
      "year",
      "six_months",
      "nine_months",
      "twelve_months",
      "recurring",
      "custom_winback",
    ]);
  });

  it.each(cases)(
    "%s × %s passes the placeholder checks of a marketer's variant",
    (stage, channel) => {
      const variant = fallbackVariant(stage, channel);
      expect(variant.channel).toBe(channel);
      expect(checkPlaceholders(variant, stage)).toEqual([]);
    },
  );

  it.each(cases)(
    "%s × %s is a valid variant of its channel (same schema as a saved one)",
    (stage, channel) => {
      const variant = fallbackVariant(stage, channel);
      expect(variantContent.parse(variant)).toEqual(variant);
    },
  );

  it.each(cases)("%s × %s is plain: no {{exercises}}, no script or style", (stage, channel) => {
    const text = textFields(fallbackVariant(stage, channel))
      .map((f) => f.value)
      .join("\n");
    expect(text).not.toMatch(/<script|<style|on\w+=|javascript:/i);
    const names = textFields(fallbackVariant(stage, channel)).flatMap((f) =>
      findPlaceholders(f.field, f.value).map((u) => u.name),
    );
    expect(names).not.toContain("exercises");
    if (stage !== "streak_lost") expect(names).not.toContain("recap");
  });

  it("a custom stage gets the generic recurring line", () => {
    expect(fallbackVariant("custom_winback", "zalo")).toEqual(fallbackVariant("recurring", "zalo"));
  });

  it("the streak-lost fallback carries the recap on the channels with room for it", () => {
    for (const channel of ["email", "zalo"] as const) {
      const names = textFields(fallbackVariant("streak_lost", channel)).flatMap((f) =>
        findPlaceholders(f.field, f.value).map((u) => u.name),
      );
      expect(names).toContain("recap");
    }
  });

  it("has a CTA kind of its own", () => {
    expect(FALLBACK_CTA).toBe("start_now");
  });
});
