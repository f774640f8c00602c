import { batchRoute } from "@/server/http/batch-request";
import { activityBatch } from "@/server/http/endpoints";

export const POST = batchRoute(activityBatch);
