import { batchRoute } from "@/server/http/batch-request";
import { exercisesBatch } from "@/server/imports/exercises-endpoint";

export const POST = batchRoute(exercisesBatch);
