import { z } from "zod";
import { line, pastInstant, webUrl } from "@/server/lib/bounded";

/**
 * One exercise of `POST /api/v1/exercises` (and of a catalog CSV), checked at `now`. Every field
 * the catalog needs is required, so a row is the exercise's whole description; `url` left out
 * keeps the stored one, `null` clears it.
 */
export function exerciseInput(now: Date) {
  return z.strictObject({
    externalId: line(200).min(1),
    title: line(300).min(1),
    program: line(100).min(1),
    skill: line(100).min(1),
    /** Not in the future: "newly published" recommendations must not offer what is not out yet. */
    publishedAt: pastInstant(now),
    url: webUrl().nullable().optional(),
  });
}

export type ExerciseInput = z.infer<ReturnType<typeof exerciseInput>>;
