import { z } from "zod";
import { channelNames } from "@/db/schema/channel-names";
import { line, prose, webUrl } from "@/server/lib/bounded";
import { cadenceSchema, offerSchema, stageSchema, tenantSettingsSchema } from "./schema";

/**
 * A stage's length in days, to compare a ladder mixing days and months: a month is at least 28
 * days, so "30 days" then "1 month" is not ascending, as some months are shorter.
 */
const roughDays = (s: { threshold: number; unit: "day" | "month" }) =>
  s.unit === "day" ? s.threshold : s.threshold * 28;

/** "6 months" → "6_months", "Streak lost!" → "streak_lost": the key a label gives its stage. */
export function stageKeyFromLabel(label: string): string {
  const key = label
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "_")
    .replace(/^_+|_+$/g, "");
  if (!key) return "stage";
  return /^\d+$/.test(key) ? `${key}_stage` : key === "recurring" ? "recurring_stage" : key;
}

/** A whole number from `min` to `max`, with its error worded to follow the field's name. */
const wholeNumber = (min: number, max: number) =>
  z
    .number({ error: "must be a number" })
    .int("must be a whole number")
    .min(min, `must be at least ${min}`)
    .max(max, `must be at most ${max}`);

const editableStage = stageSchema.extend({
  label: line(60).min(1, "must not be empty"),
  threshold: wholeNumber(1, 3650),
});

/**
 * The settings as an owner may save them: the stored schema, plus the rules that make a ladder a
 * ladder and a window a window. Shared by the Settings form (client) and the API (server), so a
 * field error reads the same in both.
 */
export const editableSettingsSchema = tenantSettingsSchema
  .extend({
    cadence: cadenceSchema.extend({
      stages: z.array(editableStage).min(1, "must have at least one stage").max(12),
      recurringEveryDays: wholeNumber(1, 3650).nullable(),
    }),
    retryOffsetsMinutes: z.array(wholeNumber(1, 7 * 24 * 60)).max(10, "must be at most 10 retries"),
    holdoutPercent: z
      .number({ error: "must be a number" })
      .min(0, "must be at least 0%")
      .max(50, "must be at most 50%"),
    attributionWindowDays: wholeNumber(1, 365),
    freshWindowDays: wholeNumber(1, 365),
    channels: z.array(z.enum(channelNames)).min(1, "must include at least one channel"),
    offer: offerSchema
      .extend({
        title: line(120).min(1, "must not be empty"),
        code: line(40).min(1, "must not be empty"),
        bookingUrl: line(2_000).pipe(
          z.url({ protocol: /^https$/, message: "must be an https:// address" }),
        ),
      })
      .nullable(),
    appUrl: webUrl(),
  })
  .superRefine((s, ctx) => {
    const stages = s.cadence.stages;
    stages.forEach((stage, i) => {
      const before = stages[i - 1];
      if (before && roughDays(stage) <= roughDays(before)) {
        ctx.addIssue({
          code: "custom",
          path: ["cadence", "stages", i, "threshold"],
          message: `must come after the stage before it (${before.label}: ${before.threshold} ${before.unit}s); stages go from shortest to longest`,
        });
      }
      if (stages.findIndex((o) => o.key === stage.key) !== i) {
        ctx.addIssue({
          code: "custom",
          path: ["cadence", "stages", i, "label"],
          message: `names the same stage as another one (${stage.key}): give each stage its own label`,
        });
      }
    });
    if (s.quietHours.start === s.quietHours.end) {
      ctx.addIssue({
        code: "custom",
        path: ["quietHours", "end"],
        message: "must differ from the start (an interval from a time to itself is empty)",
      });
    }
    if (new Set(s.channels).size !== s.channels.length) {
      ctx.addIssue({ code: "custom", path: ["channels"], message: "lists a channel twice" });
    }
  });

export const senderSchema = z.object({
  name: line(120).min(1, "must not be empty"),
  email: line(254).pipe(z.email({ message: "must be an email address" })),
  postalAddress: prose(500).min(1, "must not be empty: the law requires it in marketing email"),
});

/** One save of the Settings page: the settings, the sender, and the owner's late-milestone choice. */
export const settingsSaveSchema = z.object({
  settings: editableSettingsSchema,
  sender: senderSchema,
  lateMilestones: z.enum(["skip", "send"]).default("skip"),
});

export type SettingsSave = z.input<typeof settingsSaveSchema>;

/** What the Settings form edits; the late-milestone choice is asked when saving. */
export const settingsFormSchema = settingsSaveSchema.omit({ lateMilestones: true });
