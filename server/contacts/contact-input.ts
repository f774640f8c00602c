import { z } from "zod";
import { line, pastInstant } from "@/server/lib/bounded";
import { ianaTimeZone } from "@/server/lib/zod-extras";
import { channelStatesSchema } from "./channel-states";

const optionalText = (max: number) => line(max).min(1).nullable().optional();

/**
 * One contact row of `POST /api/v1/contacts`, checked at `now`; absent fields keep their stored
 * value.
 */
export function contactInput(now: Date) {
  return z
    .strictObject({
      externalId: line(200).min(1),
      name: line(200).min(1, "must not be empty; leave it out to keep the stored name").optional(),
      /** The name to greet the contact by, used as given; null: guess it from `name` again. */
      firstName: optionalText(100),
      email: z.email("must be a valid email address").max(320).nullable().optional(),
      phone: z
        .string()
        .regex(/^\+[1-9]\d{6,14}$/, "must be an E.164 phone number such as +14155550123")
        .nullable()
        .optional(),
      /** The contact's user id at the tenant's Zalo Official Account (they follow the OA). */
      zaloUserId: optionalText(100),
      timeZone: ianaTimeZone.nullable().optional(),
      locale: z
        .string()
        .regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, "must be a language tag such as vi-VN")
        .nullable()
        .optional(),
      tags: z.array(line(100).min(1)).max(50).optional(),
      program: optionalText(100),
      lastSkill: optionalText(100),
      /** Never moves back behind the stored value, unless `lastActivityOverride` says so. */
      lastActivityAt: pastInstant(now).optional(),
      /** Sets `lastActivityAt` even behind the stored value: corrects a wrong one (logged). */
      lastActivityOverride: z.boolean().optional(),
      channels: channelStatesSchema.optional(),
    })
    .refine((row) => !row.lastActivityOverride || row.lastActivityAt, {
      path: ["lastActivityAt"],
      message: "is required when lastActivityOverride is true",
    });
}

export type ContactInput = z.infer<ReturnType<typeof contactInput>>;
