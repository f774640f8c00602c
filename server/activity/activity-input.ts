import { z } from "zod";
import { activityKind } from "@/db/schema/enums";

/** One event of `POST /api/v1/activity`. */
export const activityInput = z
  .strictObject({
    externalId: z.string().trim().min(1).max(200),
    contactExternalId: z.string().trim().min(1).max(200),
    kind: z.enum(activityKind.enumValues),
    occurredAt: z.iso.datetime({ offset: true, message: "must be an ISO-8601 time with zone" }),
    /** In the currency's minor units: cents for USD, đồng for VND. */
    revenueMinor: z.number().int().min(0).max(1e12).optional(),
    currency: z
      .string()
      .regex(/^[A-Z]{3}$/, "must be an ISO 4217 code such as USD")
      .optional(),
    exerciseExternalId: z.string().trim().min(1).max(200).optional(),
  })
  // Revenue without its currency could not be summed with the rest.
  .refine((e) => !e.revenueMinor || e.currency, {
    path: ["currency"],
    message: "is required when revenueMinor is set",
  });

export type ActivityInput = z.infer<typeof activityInput>;
