import type { exercises } from "@/db/schema";
import type { RecommendationRule } from "./message";

export type Exercise = Pick<
  typeof exercises.$inferSelect,
  "id" | "externalId" | "title" | "program" | "skill" | "publishedAt" | "popularity" | "url"
>;

/** The candidates of each rule, read once per batch for every contact of a tenant. */
export type Catalog = {
  /** Newest first, published within the fresh window, by program. */
  freshByProgram: Map<string, Exercise[]>;
  /** Most popular first, by skill. */
  trendingBySkill: Map<string, Exercise[]>;
  /** Most popular first. */
  global: Exercise[];
};

export const RECOMMENDATIONS = 3;

/** SPEC §1.6: stages from `week` on carry recommendations; `streak_lost` and `year` do not. */
export function recommends(stage: string): boolean {
  return stage !== "streak_lost" && stage !== "year";
}

/**
 * SPEC §1.6, in order of fallback: pinned to the template → newly published in the contact's
 * program → trending in the last practised skill → global trending. Fills up to `count`, each
 * pick with the rule that produced it; an exercise appears once.
 */
export function recommend(
  contact: { program: string | null; lastSkill: string | null },
  pinned: Exercise[],
  catalog: Catalog,
  count = RECOMMENDATIONS,
): { exercise: Exercise; rule: RecommendationRule }[] {
  const sources: [RecommendationRule, Exercise[]][] = [
    ["pinned", pinned],
    ["fresh_in_program", (contact.program && catalog.freshByProgram.get(contact.program)) || []],
    [
      "trending_in_skill",
      (contact.lastSkill && catalog.trendingBySkill.get(contact.lastSkill)) || [],
    ],
    ["global_trending", catalog.global],
  ];
  const picked: { exercise: Exercise; rule: RecommendationRule }[] = [];
  const seen = new Set<string>();
  for (const [rule, list] of sources) {
    for (const exercise of list) {
      if (picked.length >= count) return picked;
      if (seen.has(exercise.id)) continue;
      seen.add(exercise.id);
      picked.push({ exercise, rule });
    }
  }
  return picked;
}
