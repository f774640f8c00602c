import { recorderFor } from "@/server/activity/recorders";
import { env } from "@/server/env";
import { batchRoute } from "@/server/http/batch-request";
import { activityBatch } from "@/server/http/endpoints";

export const POST = batchRoute(activityBatch(recorderFor(env.WORKFLOW_ENGINE)));
