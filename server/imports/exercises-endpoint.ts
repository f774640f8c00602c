import type { BatchSpec } from "@/server/http/batch-request";
import { exerciseInput } from "./exercise-input";
import { upsertExercises } from "./upsert-exercises";

/**
 * `POST /api/v1/exercises`: a self-study workspace's exercise catalog, upserted by external id,
 * with the batch semantics of the other endpoints (`runBatch`): per-row errors, repeats refused.
 */
export const exercisesBatch: BatchSpec<ReturnType<typeof exerciseInput>> = {
  key: "exercises",
  scope: "exercises",
  schema: exerciseInput,
  store: ({ db, tenantId, now }, rows) => upsertExercises(db, tenantId, rows, now),
};
