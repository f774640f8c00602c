import { batchRoute } from "@/server/http/batch-request";
import { contactsBatch } from "@/server/http/endpoints";

export const POST = batchRoute(contactsBatch);
