import "server-only";
import type { EngineDeps } from "./deps";
import { contactActivityFunction } from "./functions/contact-activity";
import { dispatchDueFunction } from "./functions/dispatch-due";
import { forwardAnalyticsFunction } from "./functions/forward-analytics";
import { planContactFunction } from "./functions/plan-contact";
import { refreshRollupsFunction } from "./functions/refresh-rollups";
import { scanDueFunction } from "./functions/scan-due";
import { sendDeliveryFunction } from "./functions/send-delivery";

/** The engine's steps as Inngest functions: cron sweeps that fan out to per-contact/per-delivery runs. */
export function engineFunctions(deps: EngineDeps) {
  return [
    scanDueFunction(deps),
    planContactFunction(deps),
    dispatchDueFunction(deps),
    sendDeliveryFunction(deps),
    contactActivityFunction(deps),
    refreshRollupsFunction(deps),
    forwardAnalyticsFunction(deps),
  ];
}
