import { z } from "zod";
import { activityKind } from "@/db/schema/enums";
import { line, pastInstant } from "@/server/lib/bounded";

/** One event of `POST /api/v1/activity`, checked at `now`. */
export function activityInput(now: Date) {
  return (
    z
      .strictObject({
        externalId: line(200).min(1),
        contactExternalId: line(200).min(1),
        kind: z.enum(activityKind.enumValues),
        occurredAt: pastInstant(now),
        /** In the currency's minor units: cents for USD, đồng for VND. */
        revenueMinor: z.number().int().min(0).max(1e12).optional(),
        currency: z
          .string()
          .regex(/^[A-Z]{3}$/, "must be an ISO 4217 code such as USD")
          .optional(),
        exerciseExternalId: line(200).min(1).optional(),
      })
      // Revenue without its currency could not be summed with the rest.
      .refine((e) => !e.revenueMinor || e.currency, {
        path: ["currency"],
        message: "is required when revenueMinor is set",
      })
  );
}

export type ActivityInput = z.infer<ReturnType<typeof activityInput>>;
