import { z } from "zod";
import { channel } from "@/db/schema/enums";
import { ianaTimeZone, wallClock } from "@/server/lib/zod-extras";
import { stageKeySchema } from "@/server/settings/schema";

const instant = z.iso.datetime({
  offset: true,
  message: "must be an ISO-8601 time such as 2026-01-01T00:00:00Z",
});
const channelName = z.enum(channel.enumValues);

/** A scenario's workspace settings over its preset's, and what a `settings` event changes. */
const scenarioSettingsSchema = z
  .strictObject({
    timezone: ianaTimeZone,
    channels: z.array(channelName).min(1),
    quietHours: z.strictObject({ start: wallClock, end: wallClock, resumeAt: wallClock }),
    retryOffsetsMinutes: z.array(z.number().int().positive()).max(10),
    recurringEveryDays: z.number().int().positive().nullable(),
    stages: z
      .array(
        z.strictObject({
          key: stageKeySchema,
          label: z.string().min(1).optional(),
          threshold: z.number().int().positive(),
          unit: z.enum(["day", "month"]),
        }),
      )
      .min(1),
    excludeDoNotContact: z.boolean(),
    holdoutPercent: z.number().min(0).max(50),
    /** Salts the holdout hash (SPEC §1.8); "simulation" when left out. */
    holdoutSalt: z.string().min(1),
    attributionWindowDays: z.number().int().positive(),
  })
  .partial();

/** Revenue in the currency's minor units, with its ISO 4217 code (never converted). */
const revenue = {
  revenueMinor: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER),
  currency: z.string().regex(/^[A-Z]{3}$/, "must be an ISO 4217 code such as USD"),
};

/** The simulator's input, as scenarios/README.md describes it. */
export const scenarioSchema = z
  .strictObject({
    /** What the scenario shows; ignored by the run. */
    description: z.string().optional(),
    preset: z.enum(["self_study", "home_services"]),
    settings: scenarioSettingsSchema.optional(),
    start: instant,
    end: instant,
    contacts: z.array(
      z.strictObject({
        id: z.string().min(1),
        timezone: ianaTimeZone.optional(),
        lastActivityAt: instant.nullable().optional(),
        channels: z.partialRecord(channelName, z.enum(["subscribed", "unsubscribed"])).default({}),
        tags: z.array(z.string().min(1)).default([]),
      }),
    ),
    events: z
      .array(
        z.discriminatedUnion("type", [
          // A qualifying activity (a return), optionally with revenue.
          z
            .strictObject({
              at: instant,
              type: z.literal("activity"),
              contact: z.string(),
              revenueMinor: revenue.revenueMinor.optional(),
              currency: revenue.currency.optional(),
            })
            .refine((e) => (e.revenueMinor === undefined) === (e.currency === undefined), {
              message: "revenueMinor and currency go together",
              path: ["currency"],
            }),
          // Revenue that is not a qualifying activity: it neither resets the chain nor returns.
          z.strictObject({
            at: instant,
            type: z.literal("purchase"),
            contact: z.string(),
            ...revenue,
          }),
          z.strictObject({
            at: instant,
            type: z.literal("click"),
            contact: z.string(),
            channel: channelName,
          }),
          z.strictObject({
            at: instant,
            type: z.enum(["unsubscribe", "subscribe"]),
            contact: z.string(),
            channel: channelName,
          }),
          z.strictObject({
            at: instant,
            type: z.enum(["tag", "untag"]),
            contact: z.string(),
            tag: z.string().min(1),
          }),
          // SPEC §1.9: the workspace's settings change at `at`; keys left out keep their value.
          z.strictObject({
            at: instant,
            type: z.literal("settings"),
            settings: scenarioSettingsSchema,
            lateMilestones: z.enum(["skip", "send"]).default("skip"),
          }),
        ]),
      )
      .default([]),
    failures: z
      .array(
        z.strictObject({
          contact: z.string(),
          channel: channelName,
          stage: z.string().optional(),
          failAttempts: z.array(z.number().int().positive()).min(1),
          kind: z.enum(["transient", "permanent"]),
        }),
      )
      .default([]),
  })
  .superRefine((s, ctx) => {
    if (s.end <= s.start)
      ctx.addIssue({ code: "custom", path: ["end"], message: "must be after start" });
    const ids = new Set<string>();
    s.contacts.forEach((c, i) => {
      if (ids.has(c.id))
        ctx.addIssue({
          code: "custom",
          path: ["contacts", i, "id"],
          message: `repeats contact "${c.id}"`,
        });
      ids.add(c.id);
    });
    s.events.forEach((e, i) => {
      if ("contact" in e && !ids.has(e.contact))
        ctx.addIssue({
          code: "custom",
          path: ["events", i, "contact"],
          message: `no contact "${e.contact}"`,
        });
    });
    s.failures.forEach((f, i) => {
      if (!ids.has(f.contact))
        ctx.addIssue({
          code: "custom",
          path: ["failures", i, "contact"],
          message: `no contact "${f.contact}"`,
        });
    });
  });

export type Scenario = z.infer<typeof scenarioSchema>;
export type ScenarioSettings = z.infer<typeof scenarioSettingsSchema>;

/** "contacts.0.timezone: must be an IANA time zone …", one line per problem. */
export function describeScenarioErrors(error: z.ZodError): string {
  return error.issues.map((i) => `${i.path.join(".") || "(scenario)"}: ${i.message}`).join("\n");
}
