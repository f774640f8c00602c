import type { Db } from "@/db/client";
import { env } from "@/server/env";
import { outboxProvider } from "./channels/outbox-provider";
import { startEmbeddedWorker } from "./worker";

const globalForEngine = globalThis as unknown as { rekindleEngine?: () => void };

/** Starts the configured engine once per process; every channel uses the Outbox for now. */
export function startEngine(db: Db): void {
  if (globalForEngine.rekindleEngine) return;
  globalForEngine.rekindleEngine = startEmbeddedWorker({
    db,
    provider: outboxProvider(db),
    intervalMs: env.ENGINE_TICK_MS,
    log: (line) => console.info(line),
  });
  console.info(`[rekindle] embedded engine started (every ${env.ENGINE_TICK_MS} ms)`);
}
