import type { Db } from "@/db/client";
import type { AnalyticsSink } from "@/server/analytics/forward";
import type { ChannelProvider } from "@/server/engine/channels/provider";

/** What the functions need from the outside; tests pass their own database and provider. */
export type EngineDeps = {
  db: () => Promise<Db>;
  provider: (db: Db) => ChannelProvider;
  clock: () => Date;
  /** Where the ledger's events go for product analytics (PostHog); none without POSTHOG_KEY. */
  analytics?: AnalyticsSink | null;
};
