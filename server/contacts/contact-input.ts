import { z } from "zod";
import { line, pastInstant } from "@/server/lib/bounded";
import { ianaTimeZone } from "@/server/lib/zod-extras";
import { channelStatesSchema } from "./channel-states";

const optionalText = (max: number) => line(max).min(1).nullable().optional();

/**
 * One contact row of `POST /api/v1/contacts`, checked at `now`; absent fields keep their stored
 * value. Each field's `description` is its entry in the API's OpenAPI document and docs page.
 */
export function contactInput(now: Date) {
  return z
    .strictObject({
      externalId: line(200).min(1).meta({
        description: "Your id of the contact: a row with a known one updates that contact.",
      }),
      name: line(200)
        .min(1, "must not be empty; leave it out to keep the stored name")
        .optional()
        .meta({ description: "The contact's full name." }),
      firstName: optionalText(100).meta({
        description:
          "The name `{{first_name}}` greets, used as given; `null` clears it. Without it the greeting takes a word of `name`, by the locale and the workspace's name order.",
      }),
      email: z.email("must be a valid email address").max(320).nullable().optional().meta({
        description: "A new address makes an `unreachable` email channel reachable again.",
      }),
      phone: z
        .string()
        .regex(/^\+[1-9]\d{6,14}$/, "must be an E.164 phone number such as +14155550123")
        .nullable()
        .optional()
        .meta({
          description: "For SMS. A new number makes an `unreachable` SMS channel reachable again.",
        }),
      zaloUserId: optionalText(100).meta({
        description: "The contact's user id at your Zalo Official Account (they follow it).",
      }),
      timeZone: ianaTimeZone
        .nullable()
        .optional()
        .meta({ description: "Where quiet hours and the daily cap are counted." }),
      locale: z
        .string()
        .regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, "must be a language tag such as vi-VN")
        .nullable()
        .optional()
        .meta({ description: "A BCP 47 language tag." }),
      tags: z.array(line(100).min(1)).max(50).optional().meta({
        description:
          "Replace the stored tags. `do-not-contact` keeps reminders away (an audience setting, on by default).",
      }),
      program: optionalText(100).meta({
        description: "A learning app's program: recommendations come from it.",
      }),
      lastSkill: optionalText(100).meta({
        description: "The skill the learner practised last: trending exercises come from it.",
      }),
      lastActivityAt: pastInstant(now).optional().meta({
        description:
          "The contact's last activity; never moves back unless `lastActivityOverride` is true. A later one is a return: the open cycle closes and its pending reminders are canceled.",
      }),
      lastActivityOverride: z.boolean().optional().meta({
        description:
          "Set `lastActivityAt` even behind the stored value, to correct a wrong one (logged on the contact's timeline).",
      }),
      channels: channelStatesSchema.optional().meta({
        description: "Each channel's state, merged with the stored states.",
      }),
    })
    .refine((row) => !row.lastActivityOverride || row.lastActivityAt, {
      path: ["lastActivityAt"],
      message: "is required when lastActivityOverride is true",
    });
}

export type ContactInput = z.infer<ReturnType<typeof contactInput>>;
