import "server-only";
import type { Db } from "@/db/client";
import { env } from "@/server/env";
import { channelDrivers, providerFromEnv } from "./channels/from-env";
import { startEmbeddedWorker } from "./worker";

const globalForEngine = globalThis as unknown as { rekindleEngine?: () => void };

/** Starts the embedded engine once per process, unless Inngest runs the steps. */
export function startEngine(db: Db): void {
  if (env.WORKFLOW_ENGINE === "inngest") {
    console.info("[rekindle] engine: Inngest functions at /api/inngest (no in-process worker)");
    return;
  }
  if (globalForEngine.rekindleEngine) return;
  globalForEngine.rekindleEngine = startEmbeddedWorker({
    db,
    provider: providerFromEnv(db, env),
    intervalMs: env.ENGINE_TICK_MS,
    log: (line) => console.info(line),
  });
  const drivers = Object.entries(channelDrivers(env)).map(
    ([channel, driver]) => `${channel}: ${driver}`,
  );
  console.info(
    `[rekindle] embedded engine started (every ${env.ENGINE_TICK_MS} ms; ${drivers.join(", ")})`,
  );
}
