import { answerCatalog } from "@/server/modules/catalog-http";

/** The module catalog: `?code=dormant_customer_reactivation` for one record. */
export function GET(request: Request) {
  return answerCatalog(request);
}
