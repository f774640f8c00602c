import { z } from "zod";
import { ianaTimeZone } from "@/server/lib/zod-extras";
import { channelStatesSchema } from "./channel-states";

const optionalText = (max: number) => z.string().trim().min(1).max(max).nullable().optional();

/** One contact row of `POST /api/v1/contacts`; absent fields keep their stored value. */
export const contactInput = z.strictObject({
  externalId: z.string().trim().min(1).max(200),
  name: z
    .string()
    .trim()
    .min(1, "must not be empty; leave it out to keep the stored name")
    .max(200)
    .optional(),
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
  tags: z.array(z.string().trim().min(1).max(100)).max(50).optional(),
  program: optionalText(100),
  lastSkill: optionalText(100),
  lastActivityAt: z.iso
    .datetime({ offset: true, message: "must be an ISO-8601 time with zone" })
    .optional(),
  channels: channelStatesSchema.optional(),
});

export type ContactInput = z.infer<typeof contactInput>;
