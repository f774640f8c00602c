import { PostHog } from "posthog-node";
import type { AnalyticsSink } from "./forward";
import type { PostHogConfig } from "./posthog-config";

export type PostHogSinkOptions = {
  /** Per request; posthog-node's default is 10 s. */
  requestTimeoutMs?: number;
  /** Retries of a request that timed out or failed with a 5xx; the default is 3. */
  retries?: number;
  retryDelayMs?: number;
};

/**
 * Sends a page of events through posthog-node, in batches of 100 to `/batch/`, and resolves once
 * PostHog accepted them all. A client per page: its queue holds exactly that page, so a page
 * that failed is not also left queued to go out later beside the run that sends it again.
 */
export function posthogSink(
  config: PostHogConfig,
  options: PostHogSinkOptions = {},
): AnalyticsSink {
  return async (events) => {
    if (events.length === 0) return;
    const client = new PostHog(config.key, {
      host: config.host,
      // Only the explicit flush below sends: no timer, no flush when the queue fills.
      flushAt: events.length + 1,
      maxQueueSize: events.length + 1,
      flushInterval: 0,
      maxBatchSize: 100,
      // The server's location says nothing about the contact.
      disableGeoip: true,
      requestTimeout: options.requestTimeoutMs,
      fetchRetryCount: options.retries,
      fetchRetryDelay: options.retryDelayMs,
    });
    for (const event of events) client.capture(event);
    // Rejects with the first batch PostHog did not accept.
    await client.flush();
  };
}
