import { describe, expect, it } from "vitest";
import { homeServicesPreset, presetFor } from "@/db/presets";
import type { Channel } from "@/db/schema/enums";
import { fallbackVariant } from "@/server/content/fallback";
import { checkGuards } from "@/server/content/guards";
import type { ContactHistory } from "@/server/content/last-service";
import { plainText } from "@/server/content/message";
import { checkPlaceholders } from "@/server/content/placeholders";
import { renderVariant, type RenderContext } from "@/server/content/render";
import { smsSegments } from "@/server/content/sms";
import { textFields, variantContent } from "@/server/content/variant-content";
import { addLocalDays, addLocalMonths } from "@/server/engine/time";
import { LINK_ID_LENGTH, linkLength } from "@/server/links/link-id";
import { editableSettingsSchema } from "@/server/settings/form-schema";
import { stageKeySchema, tenantSettingsSchema, type Stage } from "@/server/settings/schema";
import { checkSmsLength, templateStages } from "@/server/templates/workflow";
import { nicheKeys, nichePresets, niches, nicheSettings } from "./presets";

const table = niches.map((n) => [n.key, n] as const);

describe("niches — one preset per kind of business on the module card", () => {
  it("lists every niche once, in the order of their keys", () => {
    expect(niches.map((n) => n.key)).toEqual([...nicheKeys]);
    expect(nicheKeys).toEqual([
      "owner_operator",
      "med_spa",
      "cleaning",
      "hvac",
      "pest_control",
      "auto_detail",
    ]);
  });

  it.each(table)("%s: its settings are valid stored settings", (_, niche) => {
    expect(tenantSettingsSchema.parse(niche.settings)).toEqual(niche.settings);
  });

  it.each(table)(
    "%s: its settings pass the owner's stricter schema (stages ascending, https booking link)",
    (_, niche) => {
      const parsed = editableSettingsSchema.safeParse(niche.settings);
      expect(parsed.error?.issues ?? []).toEqual([]);
    },
  );

  it.each(table)(
    "%s: says who it is for in one line and why, for the owner",
    (_, { label, description, reasoning }) => {
      expect(label).toMatch(/^\S/);
      expect(description).not.toMatch(/\n/);
      expect(description.length).toBeLessThanOrEqual(100);
      expect(reasoning.length).toBeGreaterThan(200);
    },
  );

  it.each(table)(
    "%s: email + SMS, an offer without a date that would lapse, and the niche named",
    (key, { settings }) => {
      expect(settings.channels).toEqual(["email", "sms"]);
      expect(settings.niche).toBe(key);
      expect(settings.offer).toMatchObject({ expiresAt: null, bookingUrl: settings.appUrl });
      expect(settings.offer!.code).toMatch(/^[A-Z0-9]+$/);
    },
  );

  it.each(table)(
    "%s: stage keys are lower_snake_case and unique, labels fit the form",
    (_, { settings }) => {
      const stages = settings.cadence.stages;
      for (const s of stages) {
        expect(stageKeySchema.safeParse(s.key).success).toBe(true);
        expect(s.label.length).toBeLessThanOrEqual(60);
      }
      expect(new Set(stages.map((s) => s.key)).size).toBe(stages.length);
    },
  );

  // Day and month thresholds mixed: ascending from every last-activity date of a leap year, not
  // only by the form's rough 28-day month.
  it.each(table)("%s: each stage is reached after the one before, from any date", (_, niche) => {
    const reached = (last: string, s: Stage) =>
      s.unit === "day" ? addLocalDays(last, s.threshold) : addLocalMonths(last, s.threshold);
    for (let day = 0; day < 366; day++) {
      const last = addLocalDays("2028-01-01", day);
      const dates = niche.settings.cadence.stages.map((s) => reached(last, s));
      expect([...dates].sort()).toEqual(dates);
      expect(new Set(dates).size).toBe(dates.length);
    }
  });

  it.each([
    // [niche, thresholds, recurring]: the rhythm each niche's reasoning argues for.
    ["owner_operator", ["6 month", "9 month", "12 month"], null],
    ["med_spa", ["4 month", "6 month", "12 month"], null],
    ["cleaning", ["35 day", "2 month", "6 month"], null],
    ["hvac", ["6 month", "12 month"], 365],
    ["pest_control", ["4 month", "6 month", "12 month"], 365],
    ["auto_detail", ["3 month", "6 month", "12 month"], null],
  ] as const)("%s: stages %j, recurring %s", (key, thresholds, recurring) => {
    const { cadence } = nichePresets[key];
    expect(cadence.stages.map((s) => `${s.threshold} ${s.unit}`)).toEqual(thresholds);
    expect(cadence.recurringEveryDays).toBe(recurring);
  });

  it("the owner-operator keeps the home-services ladder and its stage keys, so templates carry over", () => {
    expect(nichePresets.owner_operator.cadence).toEqual(homeServicesPreset.cadence);
  });

  it.each(table)("%s: has its own copy for every stage of its cadence", (_, niche) => {
    const { copy, cadence } = nichePresets[niche.key];
    expect(Object.keys(copy.stages).sort()).toEqual(cadence.stages.map((s) => s.key).sort());
  });
});

describe("nicheSettings — over a workspace's own settings", () => {
  it("keeps what is the owner's and sets what depends on the business", () => {
    const own = {
      ...presetFor("home_services"),
      quietHours: { start: "21:00", end: "09:00", resumeAt: "09:30" },
      brand: { color: "#123456", logoUrl: "https://cdn.example/logo.png" },
      holdoutPercent: 10,
      appUrl: "https://sparkle.example",
      channels: ["email" as const],
    };
    const settings = nicheSettings("cleaning", own);
    expect(settings).toMatchObject({
      quietHours: own.quietHours,
      brand: own.brand,
      holdoutPercent: 10,
      appUrl: own.appUrl,
      channels: ["email", "sms"],
      niche: "cleaning",
      cadence: nichePresets.cleaning.cadence,
    });
    expect(settings.offer?.bookingUrl).toBe("https://sparkle.example");
  });

  it("books through the workspace's own booking link when it has an offer", () => {
    const own = {
      ...presetFor("home_services"),
      offer: {
        title: "Old",
        code: "OLD",
        expiresAt: "2026-01-01",
        bookingUrl: "https://book.example/x",
      },
    };
    expect(nicheSettings("hvac", own).offer).toEqual({
      title: nichePresets.hvac.offer.title,
      code: "TUNEUP30",
      expiresAt: null,
      bookingUrl: "https://book.example/x",
    });
  });

  it("never changes the preset it starts from", () => {
    const before = structuredClone(homeServicesPreset);
    nicheSettings("med_spa").cadence.stages.push({
      key: "x",
      label: "x",
      threshold: 1,
      unit: "day",
    });
    expect(homeServicesPreset).toEqual(before);
    expect(nichePresets.med_spa.cadence.stages).toHaveLength(3);
  });

  it("leaves the two kind presets without a niche: their fallbacks stay the generic ones", () => {
    expect(presetFor("home_services").niche).toBeUndefined();
    expect(presetFor("self_study").niche).toBeUndefined();
    expect(fallbackVariant("six_months", "email", undefined)).toEqual(
      fallbackVariant("six_months", "email"),
    );
  });
});

/*
 * Every niche's fallback on every stage (its own, the recurring reminder and a stage the owner
 * adds) × every channel, through every check a marketer's variant meets on save and a message on
 * send. The render uses the worst case the fallback meets: a long business name and link.
 */
const channels: Channel[] = ["email", "sms", "web_push", "zalo"];
const baseUrl = "https://reactivation.long-business-name.example.com";
const link = (path: string) => `${baseUrl}/${path}/${"A".repeat(LINK_ID_LENGTH)}`;
const sender = {
  name: "Brightside Home Services of Greater Chicago",
  email: "hello@brightside.example",
  postalAddress: "410 N Michigan Ave, Chicago",
};
const now = new Date("2026-06-15T15:00:00Z");
const known: ContactHistory = {
  lastActivityAt: new Date("2025-12-02T16:00:00Z"),
  lastService: "Deep clean, 3 bedrooms, inside the oven and the fridge",
  lastServiceAt: new Date("2025-12-02T16:00:00Z"),
  zone: "America/Chicago",
  locale: "en-US",
  now,
};
const unknown: ContactHistory = {
  ...known,
  lastActivityAt: null,
  lastService: null,
  lastServiceAt: null,
};
const ctx = (settings: ReturnType<typeof nicheSettings>, history: ContactHistory) =>
  ({
    contactName: "Maria Lopez",
    sender,
    offer: settings.offer,
    links: {
      cta: link("r"),
      booking: link("r"),
      preferences: link("p"),
      unsubscribe: link("u"),
      exercises: [],
    },
    recap: null,
    history,
  }) satisfies RenderContext;

const fallbackCases = niches.flatMap((niche) =>
  [...templateStages(niche.settings).map((s) => s.key), "recurring", "custom_winback"].flatMap(
    (stage) => channels.map((channel) => [niche.key, stage, channel] as const),
  ),
);

describe("a niche's fallback copy passes every guard (SPEC §1.6, §1.10)", () => {
  it.each(fallbackCases)("%s × %s × %s: valid placeholders, valid shape", (key, stage, ch) => {
    const variant = fallbackVariant(stage, ch, key);
    expect(checkPlaceholders(variant, stage)).toEqual([]);
    expect(variantContent.parse(variant)).toEqual(variant);
    expect(checkSmsLength(variant, linkLength(baseUrl))).toEqual([]);
    const text = textFields(variant)
      .map((f) => f.value)
      .join("\n");
    expect(text).not.toMatch(/<script|<style|on\w+=|javascript:|\{\{\s*(recap|exercises)/i);
  });

  it.each(fallbackCases)(
    "%s × %s × %s: rendered with and without a known service, it passes the send guards",
    async (key, stage, ch) => {
      const settings = nicheSettings(key);
      for (const history of [known, unknown]) {
        const message = await renderVariant(
          fallbackVariant(stage, ch, key),
          ctx(settings, history),
        );
        expect(checkGuards(message, sender, link("u"))).toBeNull();
        const shown =
          message.channel === "email"
            ? `${message.subject}\n${message.html}\n${message.text}`
            : plainText(message);
        expect(shown).not.toMatch(/\{\{|\}\}|undefined|null/);
        // No dangling preposition where the date was unknown: "on ." or "on <".
        expect(shown).not.toMatch(/\b(on|since) ?[.<,]/);
      }
    },
  );

  it.each(
    niches.flatMap((n) =>
      [...templateStages(n.settings).map((s) => s.key), "recurring"].map(
        (s) => [n.key, s] as const,
      ),
    ),
  )(
    "%s × %s: the SMS is plain GSM-7 and at most 2 segments, link and STOP line included",
    async (key, stage) => {
      const message = await renderVariant(
        fallbackVariant(stage, "sms", key),
        ctx(nicheSettings(key), known),
      );
      if (message.channel !== "sms") throw new Error("unreachable");
      expect(smsSegments(message.text).encoding).toBe("GSM-7");
      expect(message.segments).toBeLessThanOrEqual(2);
      expect(message.text).toContain(link("r"));
      expect(message.text).toMatch(/Reply STOP to opt out\.$/);
    },
  );

  it.each(niches.map((n) => [n.key] as const))(
    "%s: the email names the last service and its date when known, the last visit when not",
    async (key) => {
      const settings = nicheSettings(key);
      const stage = settings.cadence.stages[0]!.key;
      const email = async (history: ContactHistory) => {
        const m = await renderVariant(fallbackVariant(stage, "email", key), ctx(settings, history));
        if (m.channel !== "email") throw new Error("unreachable");
        return m.text;
      };
      const withService = await email(known);
      expect(withService).toContain("Deep clean, 3 bedrooms, inside the oven and the fridge");
      expect(withService).toContain("December 2, 2025");
      expect(withService).toContain(settings.offer!.code);
      const without = await email(unknown);
      expect(without).toContain("your last visit");
      expect(without).not.toContain("December");
    },
  );

  it("a niche speaks its language: a cleaning business's fallback is about cleaning", () => {
    const cleaningSms = fallbackVariant("five_weeks", "sms", "cleaning");
    const hvacSms = fallbackVariant("six_months", "sms", "hvac");
    expect(JSON.stringify(cleaningSms)).toMatch(/clean/);
    expect(JSON.stringify(hvacSms)).toMatch(/tune-up/);
    expect(fallbackVariant("six_months", "sms")).not.toEqual(hvacSms);
  });

  it("a stage the owner adds gets the niche's general copy, not the learning app's", () => {
    const added = fallbackVariant("custom_winback", "sms", "pest_control");
    expect(added).toEqual(fallbackVariant("recurring", "sms", "pest_control"));
    expect(JSON.stringify(added)).toMatch(/pest/i);
  });
});
