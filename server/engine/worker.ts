import type { Db } from "@/db/client";
import type { ChannelProvider } from "./channels/provider";
import { dispatchDue } from "./steps/dispatch";
import { yieldToEventLoop } from "./yield";
import { scanDue } from "./steps/scan";
import { sendDeliveries } from "./steps/send";

const SCAN_BATCH = 500;
const DISPATCH_BATCH = 500;

/**
 * One pass of the engine at `now`: plans due contacts and sends due deliveries, a batch of each
 * in turn (so the first messages go out while a large backlog is still being planned), until
 * nothing is left due at `now`.
 */
export async function runEngineTick(db: Db, provider: ChannelProvider, now: Date) {
  let planned = 0;
  const outcomes: Record<string, number> = {};
  for (;;) {
    const scanned = await scanDue(db, now, SCAN_BATCH);
    planned += scanned;
    await yieldToEventLoop();
    const claimed = await dispatchDue(db, now, DISPATCH_BATCH);
    const sent = await sendDeliveries(
      db,
      provider,
      claimed.map((d) => d.id),
      now,
    );
    for (const outcome of sent.values()) outcomes[outcome] = (outcomes[outcome] ?? 0) + 1;
    await yieldToEventLoop();
    if (scanned < SCAN_BATCH && claimed.length < DISPATCH_BATCH) return { planned, outcomes };
  }
}

/**
 * The embedded engine: the same steps as the Inngest functions, on a timer inside the app's
 * process (PGlite allows one process per data folder). Ticks never overlap.
 */
export function startEmbeddedWorker(options: {
  db: Db;
  provider: ChannelProvider;
  intervalMs: number;
  clock?: () => Date;
  log?: (line: string) => void;
}): () => void {
  const clock = options.clock ?? (() => new Date());
  let running = false;
  const timer = setInterval(async () => {
    if (running) return;
    running = true;
    try {
      const { planned, outcomes } = await runEngineTick(options.db, options.provider, clock());
      const sent = Object.values(outcomes).reduce((a, b) => a + b, 0);
      if (planned || sent)
        options.log?.(
          `[rekindle] engine: planned ${planned} contacts, ${JSON.stringify(outcomes)}`,
        );
    } catch (error) {
      console.error("[rekindle] engine tick failed; the next tick retries", error);
    } finally {
      running = false;
    }
  }, options.intervalMs);
  timer.unref?.();
  return () => clearInterval(timer);
}
