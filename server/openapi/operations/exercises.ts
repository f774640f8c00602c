import { exercisesBatch } from "@/server/imports/exercises-endpoint";
import type { upsertExercises } from "@/server/imports/upsert-exercises";
import { batchAnswer, batchOperation } from "../batch-operation";
import { describing } from "../same-type";

type Answer = Awaited<ReturnType<typeof upsertExercises>>;

/** `POST /api/v1/exercises` (app/api/v1/exercises/route.ts). */
export function exercisesOperation(now: Date) {
  return batchOperation(exercisesBatch, now, {
    path: "/api/v1/exercises",
    operationId: "upsertExercises",
    summary: "Upsert the exercise catalog by externalId",
    description:
      "For learning apps: the exercises reminders recommend (newly published in the contact's " +
      "program, trending in their last skill), which `exerciseExternalId` in " +
      "`POST /api/v1/activity` refers to. A row describes the whole exercise. Sending the same " +
      "catalog again creates nothing: known exercises are updated, and their popularity, " +
      "counted from completions, is kept.",
    answer: describing<Answer>()(
      batchAnswer({ created: "Exercises created.", updated: "Known exercises updated." }),
    ),
    example: [
      {
        externalId: "ex-0151",
        title: "Mock test: Travel listening",
        program: "ielts",
        skill: "listening",
        publishedAt: "2026-11-20T09:00:00+07:00",
        url: "https://app.lotus-english.example/exercises/ex-0151",
      },
      {
        externalId: "ex-0152",
        title: "Story: Food reading",
        program: "ielts",
        skill: "reading",
        publishedAt: "2026-11-21T09:00:00+07:00",
      },
    ],
    refused: {
      externalId: "ex-0153",
      title: "Phrasal verbs: travel",
      program: "ielts",
      skill: "vocabulary",
      publishedAt: "2026-11-20",
    },
    counts: (stored) => ({ created: stored, updated: 0 }),
  });
}
