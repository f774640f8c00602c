import { describe, expect, it } from "vitest";
import type { Channel } from "@/db/schema/enums";
import { presetFor } from "@/db/presets";
import { FALLBACK_CTA, fallbackVariant } from "./fallback";
import { LINK_ID_LENGTH, linkLength } from "@/server/links/link-id";
import { checkPlaceholders, findPlaceholders } from "./placeholders";
import { renderVariant, type RenderContext } from "./render";
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

describe("the fallback as sent — short links and a way out (SPEC §1.10)", () => {
  // A long business name and app URL: the worst the fallback meets in practice.
  const baseUrl = "https://reactivation.long-business-name.example.com";
  const link = (path: string) => `${baseUrl}/${path}/${"A".repeat(LINK_ID_LENGTH)}`;
  const ctx: RenderContext = {
    contactName: "Maria Lopez",
    sender: {
      name: "Brightside Home Services of Greater Chicago",
      email: "hello@brightside.example",
      postalAddress: "410 N Michigan Ave, Chicago",
    },
    offer: null,
    links: {
      cta: link("r"),
      booking: null,
      preferences: link("p"),
      unsubscribe: link("u"),
      exercises: [],
    },
    recap: null,
  };

  it.each(stages)(
    "%s: the SMS with its link and STOP line takes at most 2 segments",
    async (stage) => {
      expect(link("r")).toHaveLength(linkLength(baseUrl));
      const sms = await renderVariant(fallbackVariant(stage, "sms"), ctx);
      if (sms.channel !== "sms") throw new Error("unreachable");
      expect(sms.text).toContain(link("r"));
      expect(sms.segments).toBeLessThanOrEqual(2);
    },
  );

  it.each(stages)("%s: web push and Zalo carry the preference center's link", async (stage) => {
    for (const channel of ["web_push", "zalo"] as const) {
      const names = textFields(fallbackVariant(stage, channel)).flatMap((f) =>
        findPlaceholders(f.field, f.value).map((u) => u.name),
      );
      expect(names).toContain("preferences_link");
      expect(JSON.stringify(await renderVariant(fallbackVariant(stage, channel), ctx))).toContain(
        link("p"),
      );
    }
  });
});
