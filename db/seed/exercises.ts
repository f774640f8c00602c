import type { Faker } from "@faker-js/faker";
import type { exercises } from "@/db/schema";
import { DAY_MS } from "./random";

export const programs = ["ielts", "toeic", "communication"] as const;
export const skills = ["listening", "speaking", "reading", "writing", "vocabulary", "grammar"];

const topics = ["Travel", "Work", "Family", "Health", "Technology", "Food", "Weather", "Sports"];
const formats = ["Quick drill", "Practice set", "Mock test", "Story", "Dialogue", "Challenge"];

type ExerciseRow = typeof exercises.$inferInsert;

/** An 18-month catalog with a fresh batch in the last 30 days, so "newly published" has data. */
export function generateExercises(faker: Faker, tenantId: string, now: Date): ExerciseRow[] {
  return Array.from({ length: 150 }, (_, i) => {
    const ageDays = i < 20 ? faker.number.int({ min: 0, max: 29 }) : faker.number.int(540);
    const program = faker.helpers.arrayElement(programs);
    const skill = faker.helpers.arrayElement(skills);
    return {
      tenantId,
      externalId: `ex-${String(i + 1).padStart(4, "0")}`,
      program,
      skill,
      title: `${faker.helpers.arrayElement(formats)}: ${faker.helpers.arrayElement(topics)} ${skill}`,
      publishedAt: new Date(now.getTime() - ageDays * DAY_MS),
      popularity: faker.number.int({ min: 0, max: 5_000 }),
    };
  });
}
