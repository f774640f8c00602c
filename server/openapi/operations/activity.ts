import type { ingestActivity } from "@/server/activity/ingest";
import { activityRows } from "@/server/http/endpoints";
import { batchAnswer, batchOperation } from "../batch-operation";
import { describing } from "../same-type";

type Answer = Awaited<ReturnType<typeof ingestActivity>>;

/** `POST /api/v1/activity` (app/api/v1/activity/route.ts). */
export function activityOperation(now: Date) {
  return batchOperation(activityRows, now, {
    path: "/api/v1/activity",
    operationId: "postActivity",
    summary: "Post activity events, idempotent by externalId",
    description:
      "Stores each event before answering; the same event sent again stores nothing and counts " +
      "under `duplicates`. A qualifying event (`exercise_completed`, `job_booked`, " +
      "`job_completed`) later than the contact's last activity is a return: the open cycle " +
      "closes and its pending reminders are canceled before the answer (with the embedded " +
      "engine) or right after it (with Inngest).",
    answer: describing<Answer>()(
      batchAnswer({
        stored: "Events stored.",
        duplicates: "Events already stored by an earlier call.",
      }),
    ),
    example: [
      {
        externalId: "job-5531",
        contactExternalId: "cust-9001",
        kind: "job_completed",
        occurredAt: "2026-11-20T15:30:00-06:00",
        revenueMinor: 32500,
        currency: "USD",
      },
      {
        externalId: "ex-done-88412",
        contactExternalId: "learner-00042",
        kind: "exercise_completed",
        occurredAt: "2026-11-21T08:15:00+07:00",
        exerciseExternalId: "ex-0151",
      },
    ],
    refused: {
      externalId: "job-5532",
      contactExternalId: "cust-9001",
      kind: "nap",
      occurredAt: "yesterday",
    },
    counts: (stored) => ({ stored, duplicates: 0 }),
  });
}
