import { z } from "zod";
import { line, pastInstant, webUrl } from "@/server/lib/bounded";

/**
 * One exercise of `POST /api/v1/exercises` (and of a catalog CSV), checked at `now`. Every field
 * the catalog needs is required, so a row is the exercise's whole description; `url` left out
 * keeps the stored one, `null` clears it. Each field's `description` is its entry in the API's
 * OpenAPI document and docs page.
 */
export function exerciseInput(now: Date) {
  return z.strictObject({
    externalId: line(200).min(1).meta({
      description: "Your id of the exercise: a row with a known one updates that exercise.",
    }),
    title: line(300).min(1).meta({ description: "What reminders call it." }),
    program: line(100).min(1).meta({ description: "The program it belongs to." }),
    skill: line(100).min(1).meta({ description: "The skill it practises." }),
    // Not in the future: "newly published" recommendations must not offer what is not out yet.
    publishedAt: pastInstant(now).meta({
      description: "When it was published: recent ones are recommended as new.",
    }),
    url: webUrl().nullable().optional().meta({
      description: "Where the exercise opens; left out keeps the stored one, `null` clears it.",
    }),
  });
}

export type ExerciseInput = z.infer<ReturnType<typeof exerciseInput>>;
