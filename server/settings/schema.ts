import { z } from "zod";
import { channelNames } from "@/db/schema/channel-names";
import { wallClock } from "@/server/lib/zod-extras";
import { nicheKey } from "@/server/niches/keys";

/**
 * A stage's key: in tags (`reactivation:<key>`), events, templates, scenario files and the
 * simulator's output. Lowercase letters, digits and underscores, starting with a letter or a digit
 * (`6_months`); not digits only, which JavaScript would sort ahead of the other keys of an object,
 * and not `recurring`, which names the recurring reminder.
 */
export const stageKeySchema = z
  .string()
  .regex(
    /^[a-z0-9][a-z0-9_]*$/,
    "must be lower_snake_case: lowercase letters, digits and underscores, such as six_months or 6_months",
  )
  .regex(/[a-z_]/, "must not be digits only: add a unit, such as 6_months")
  .refine((key) => key !== "recurring", "is reserved for the recurring reminder");

export const stageSchema = z.object({
  key: stageKeySchema,
  label: z.string().min(1),
  threshold: z.number().int().positive(),
  unit: z.enum(["day", "month"]),
});

export const cadenceSchema = z.object({
  /** One-time stages; each threshold counts from the local date of the last activity. */
  stages: z.array(stageSchema).min(1),
  /** A recurring reminder every N local days while the contact stays inactive; null = none. */
  recurringEveryDays: z.number().int().positive().nullable(),
});

/** How the tenant's customers usually write their names: who `{{first_name}}` greets. */
export const nameOrder = z.enum(["given_first", "family_first"]);

export const offerSchema = z.object({
  title: z.string().min(1),
  code: z.string().min(1),
  expiresAt: z.iso.date().nullable(),
  bookingUrl: z.url(),
});

/** How the workspace's emails look: a logo at the top and the call to action as a button. */
export const brandSchema = z.object({
  /** The call-to-action button's colour, #RRGGBB; white text on it must stay readable. */
  color: z.string().regex(/^#[0-9a-fA-F]{6}$/, "must be a colour such as #c2410c"),
  /** A logo at the top of every email: an https image, or none. */
  logoUrl: z.url({ protocol: /^https$/, message: "must be an https:// address" }).nullable(),
});

export const DEFAULT_BRAND: z.infer<typeof brandSchema> = { color: "#c2410c", logoUrl: null };

export const tenantSettingsSchema = z.object({
  cadence: cadenceSchema,
  channels: z.array(z.enum(channelNames)).min(1),
  /** Quiet interval [start, end) in the contact's local time; sends inside it resume at `resumeAt`. */
  quietHours: z.object({ start: wallClock, end: wallClock, resumeAt: wallClock }),
  /** Minutes after each failed attempt; the number of offsets is the retry limit. */
  retryOffsetsMinutes: z.array(z.number().int().positive()).max(10),
  excludeDoNotContact: z.boolean(),
  holdoutPercent: z.number().min(0).max(50),
  attributionWindowDays: z.number().int().positive(),
  freshWindowDays: z.number().int().positive(),
  offer: offerSchema.nullable(),
  /** Where a reminder's call to action leads when there is no booking link (the learning app). */
  appUrl: z.url().default("https://app.example.com"),
  allowSelfApproval: z.boolean(),
  /**
   * Whether a full name starts with the given name ("Maria Lopez") or the family name ("Phan Diễm
   * Hương"), when neither a first name nor the contact's locale says which word to greet. Settings
   * stored before it existed are given-first, as greetings were then.
   */
  nameOrder: nameOrder.default("given_first"),
  /** Settings stored before the brand existed show the app's own colour and no logo. */
  brand: brandSchema.default(DEFAULT_BRAND),
  /**
   * The kind of business whose preset the owner applied (`server/niches/`): the built-in fallback
   * messages speak its language. Absent in the two kind presets and in settings stored before
   * niches existed: their fallbacks stay the generic ones.
   */
  niche: nicheKey.optional(),
});

export type Stage = z.infer<typeof stageSchema>;
export type Cadence = z.infer<typeof cadenceSchema>;
export type NameOrder = z.infer<typeof nameOrder>;
export type Brand = z.infer<typeof brandSchema>;
export type TenantSettings = z.infer<typeof tenantSettingsSchema>;
