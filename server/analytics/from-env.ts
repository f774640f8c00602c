import type { Env } from "@/server/env";
import type { AnalyticsSink } from "./forward";
import { posthogConfig } from "./posthog-config";
import { posthogSink } from "./posthog-sink";

/** Where the ledger's events go for product analytics: PostHog with POSTHOG_KEY, else nowhere. */
export function analyticsFromEnv(
  env: Pick<Env, "POSTHOG_KEY" | "POSTHOG_HOST">,
): AnalyticsSink | null {
  const config = posthogConfig(env);
  return config && posthogSink(config);
}
