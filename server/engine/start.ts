import "server-only";
import type { Db } from "@/db/client";
import { env } from "@/server/env";
import { forwardLedger } from "@/server/analytics/forward";
import { analyticsFromEnv } from "@/server/analytics/from-env";
import { posthogConfig } from "@/server/analytics/posthog-config";
import { channelDrivers, providerFromEnv } from "./channels/from-env";
import { startEmbeddedWorker } from "./worker";

const globalForEngine = globalThis as unknown as { rekindleEngine?: () => Promise<void> };

/** Starts the embedded engine once per process, unless Inngest runs the steps. */
export function startEngine(db: Db): void {
  if (env.WORKFLOW_ENGINE === "inngest") {
    console.info("[rekindle] engine: Inngest functions at /api/inngest (no in-process worker)");
    return;
  }
  if (globalForEngine.rekindleEngine) return;
  const sink = analyticsFromEnv(env);
  globalForEngine.rekindleEngine = startEmbeddedWorker({
    db,
    provider: providerFromEnv(db, env),
    intervalMs: env.ENGINE_TICK_MS,
    loops: env.ENGINE_LOOPS ?? (env.DATABASE_URL ? 2 : 1),
    log: (line) => console.info(line),
    forwardAnalytics: sink ? (now) => forwardLedger(db, sink, now) : undefined,
  });
  const drivers = Object.entries(channelDrivers(env)).map(
    ([channel, driver]) => `${channel}: ${driver}`,
  );
  console.info(
    `[rekindle] embedded engine started (every ${env.ENGINE_TICK_MS} ms; ${drivers.join(", ")})`,
  );
  const posthog = posthogConfig(env);
  if (posthog) console.info(`[rekindle] analytics: ledger events go to PostHog at ${posthog.host}`);
}
