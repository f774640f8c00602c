import { forwardLedger } from "@/server/analytics/forward";
import { inngest } from "../client";
import type { EngineDeps } from "../deps";

/**
 * Every minute: hand the ledger's new events to product analytics (PostHog), past the cursor in
 * `ledger_cursors`. No retries: the next run sends again from the cursor, which moves only once
 * PostHog accepted a page, so an outage delays events and loses none. Without POSTHOG_KEY it
 * does nothing.
 */
export function forwardAnalyticsFunction(deps: EngineDeps) {
  return inngest.createFunction(
    {
      id: "analytics-forward-ledger",
      triggers: [{ cron: "* * * * *" }],
      concurrency: { limit: 1 },
      retries: 0,
    },
    async ({ step }) => {
      const sink = deps.analytics;
      if (!sink) return { enabled: false };
      const result = await step.run("forward-ledger-events", async () =>
        forwardLedger(await deps.db(), sink, deps.clock()),
      );
      return { enabled: true, ...result };
    },
  );
}
