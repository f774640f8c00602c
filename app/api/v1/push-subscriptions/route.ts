import { batchRoute } from "@/server/http/batch-request";
import { pushSubscriptionsBatch } from "@/server/http/endpoints";

export const POST = batchRoute(pushSubscriptionsBatch);
