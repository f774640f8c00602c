import { z } from "zod";
import { activityKind } from "@/db/schema/enums";
import { line, pastInstant } from "@/server/lib/bounded";
import { serviceInput } from "./service-input";

/**
 * One event of `POST /api/v1/activity`, checked at `now`. Each field's `description` is its entry
 * in the API's OpenAPI document and docs page.
 */
export function activityInput(now: Date) {
  return (
    z
      .strictObject({
        externalId: line(200).min(1).meta({
          description: "Your id of the event: the same event sent again is not stored twice.",
        }),
        contactExternalId: line(200).min(1).meta({
          description: "The `externalId` of the contact it happened to.",
        }),
        kind: z.enum(activityKind.enumValues).meta({
          description:
            "`exercise_completed`, `job_booked` and `job_completed` move the contact's last activity (a return); `purchase` and `visit` only count as revenue and history.",
        }),
        occurredAt: pastInstant(now).meta({ description: "When it happened." }),
        revenueMinor: z.number().int().min(0).max(1e12).optional().meta({
          description: "Revenue in the currency's minor units: cents for USD, đồng for VND.",
        }),
        currency: z
          .string()
          .regex(/^[A-Z]{3}$/, "must be an ISO 4217 code such as USD")
          .optional()
          .meta({ description: "The currency of `revenueMinor`." }),
        exerciseExternalId: line(200).min(1).optional().meta({
          description: "The exercise completed, by its `externalId` in the exercise catalog.",
        }),
        service: serviceInput.optional().meta({
          description:
            "The job's service. On an event that moves the last activity (`exercise_completed`, `job_booked`, `job_completed`) and is newer than the contact's last service, it becomes the contact's last service, which reminders can name.",
        }),
      })
      // Revenue without its currency could not be summed with the rest.
      .refine((e) => !e.revenueMinor || e.currency, {
        path: ["currency"],
        message: "is required when revenueMinor is set",
      })
  );
}

export type ActivityInput = z.infer<ReturnType<typeof activityInput>>;
