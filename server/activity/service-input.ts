import { z } from "zod";
import { line, prose } from "@/server/lib/bounded";

/** Long enough for any service menu's name, short enough to sit in an SMS. */
export const SERVICE_NAME_MAX = 100;
export const SERVICE_DETAILS_MAX = 2_000;

/**
 * The job an activity was for (`service` in `POST /api/v1/activity`): its name, which reminders
 * can say (`{{last_service}}`), and optional details kept with the event. Each bound is checked
 * before the trimmed text meets the shared checks, so the error says the limit in words.
 */
export const serviceInput = z.strictObject(
  {
    name: z
      .string({
        error: (issue) =>
          issue.input === undefined ? "is required when service is given" : "must be text",
      })
      .trim()
      .min(1, "must not be empty")
      .max(SERVICE_NAME_MAX, `must be at most ${SERVICE_NAME_MAX} characters`)
      .pipe(line(SERVICE_NAME_MAX))
      .meta({
        description: `The service as the customer knows it, e.g. "Deep clean" or "AC tune-up" (at most ${SERVICE_NAME_MAX} characters). Reminders can say it as {{last_service}}.`,
      }),
    details: z
      .string({ error: "must be text" })
      .trim()
      .max(
        SERVICE_DETAILS_MAX,
        `must be at most ${SERVICE_DETAILS_MAX.toLocaleString("en")} characters`,
      )
      .pipe(prose(SERVICE_DETAILS_MAX))
      .optional()
      .meta({ description: "Anything else about the job, kept with the event." }),
  },
  {
    // Only the wrong type: an unknown key keeps its own issue, which names the key.
    error: (issue) =>
      issue.code === "invalid_type"
        ? 'must be an object such as { "name": "Deep clean" }'
        : undefined,
  },
);

export type ServiceInput = z.infer<typeof serviceInput>;
