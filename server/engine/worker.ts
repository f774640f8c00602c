import type { Db } from "@/db/client";
import type { ChannelProvider } from "./channels/provider";
import { dispatchDue } from "./steps/dispatch";
import type { SetAside } from "./ledger/set-aside";
import { scanDue } from "./steps/scan";
import { sendDeliveries, type SendResult } from "./steps/send";
import { yieldToEventLoop } from "./yield";
import { refreshAllRollups } from "@/server/metrics/rollups/refresh";

const SCAN_BATCH = 1_000;
const DISPATCH_BATCH = 500;
/**
 * The live engine's batches are smaller: embedded PGlite holds the process's one thread for a
 * whole statement, and the app's pages get their turn between batches, not inside one (the
 * demo's first backlog in batches of 1,000 held a page for 40 s on a busy 2-core machine).
 */
const LIVE_SCAN_BATCH = 100;
const LIVE_DISPATCH_BATCH = 50;

type Outcomes = Partial<Record<SendResult, number>>;

/**
 * Plans one batch of due contacts; returns how many it handled (planned, or set aside after a
 * failure: those are logged and the engine goes on).
 */
async function planBatch(db: Db, now: Date, size = SCAN_BATCH): Promise<number> {
  const { planned, setAside } = await scanDue(db, now, size);
  for (const s of setAside) logSetAside(s);
  await yieldToEventLoop();
  return planned + setAside.length;
}

function logSetAside(s: SetAside) {
  console.error(
    `[rekindle] engine: ${s.step} failed for contact ${s.contactId} (tenant ${s.tenantId}, ` +
      `${s.failures} in a row): ${s.error}; set aside until ${s.retryAt.toISOString()}`,
  );
}

/** Claims and sends one batch of due deliveries; returns how many it claimed. */
async function sendBatch(
  db: Db,
  provider: ChannelProvider,
  now: Date,
  outcomes: Outcomes,
  size = DISPATCH_BATCH,
) {
  const claimed = await dispatchDue(db, now, size);
  if (claimed.length === 0) return 0;
  const sent = await sendDeliveries(
    db,
    provider,
    claimed.map((d) => d.id),
    now,
  );
  for (const outcome of sent.values()) outcomes[outcome] = (outcomes[outcome] ?? 0) + 1;
  await yieldToEventLoop();
  return claimed.length;
}

/** Plans every contact due at `now`, a batch at a time. */
export async function planAllDue(db: Db, now: Date): Promise<number> {
  let planned = 0;
  for (let n = SCAN_BATCH; n === SCAN_BATCH; planned += n) n = await planBatch(db, now);
  return planned;
}

/** Sends every delivery due at `now`, a batch at a time. */
export async function sendAllDue(db: Db, provider: ChannelProvider, now: Date) {
  const outcomes: Outcomes = {};
  // A claim takes whole contacts, so a full one may hold a few more than the batch size.
  while ((await sendBatch(db, provider, now, outcomes)) >= DISPATCH_BATCH);
  return outcomes;
}

/**
 * One pass of the engine at `now`: plans due contacts and sends due deliveries, a batch of each
 * in turn (so the first messages go out while a large backlog is still being planned), until
 * nothing is left due at `now`.
 */
export async function runEngineTick(
  db: Db,
  provider: ChannelProvider,
  now: Date,
  /** Where the sends' outcomes are counted: loops side by side share one tally. */
  outcomes: Outcomes = {},
) {
  let planned = 0;
  for (;;) {
    const started = Date.now();
    const scanned = await planBatch(db, now, LIVE_SCAN_BATCH);
    planned += scanned;
    const claimed = await sendBatch(db, provider, now, outcomes, LIVE_DISPATCH_BATCH);
    if (scanned < LIVE_SCAN_BATCH && claimed < LIVE_DISPATCH_BATCH) return { planned, outcomes };
    // A backlog takes at most half of the process's time: PGlite runs one statement at a time,
    // and the app's queries run in the pause instead of queueing behind the next batch.
    await new Promise((resolve) => setTimeout(resolve, Date.now() - started));
  }
}

/** `loops` engine ticks at `now` side by side, counting their outcomes in one tally. */
async function runEngineLoops(db: Db, provider: ChannelProvider, now: Date, loops: number) {
  const outcomes: Outcomes = {};
  const ticks = await Promise.all(
    Array.from({ length: loops }, () => runEngineTick(db, provider, now, outcomes)),
  );
  return { planned: ticks.reduce((sum, t) => sum + t.planned, 0), outcomes };
}

/**
 * The embedded engine: the same steps as the Inngest functions, on a timer inside the app's
 * process (PGlite allows one process per data folder). Ticks never overlap.
 */
export function startEmbeddedWorker(options: {
  db: Db;
  provider: ChannelProvider;
  intervalMs: number;
  /**
   * Engine loops per tick (default 1). Each plans and sends its own batches until nothing is due;
   * they take disjoint contacts (`SKIP LOCKED`), so on a PostgreSQL server they run side by side.
   */
  loops?: number;
  /** How often the dashboard's rollups are rebuilt (the first tick rebuilds them at once). */
  rollupEveryMs?: number;
  clock?: () => Date;
  log?: (line: string) => void;
  /**
   * Hands the ledger's new events to product analytics, after each tick. Never awaited by the
   * tick (a slow analytics service must not hold up the engine) and never two at once.
   */
  forwardAnalytics?: (now: Date) => Promise<unknown>;
}): () => Promise<void> {
  const clock = options.clock ?? (() => new Date());
  const rollupEveryMs = options.rollupEveryMs ?? 60_000;
  let running = false;
  let stopped = false;
  let ticking: Promise<void> = Promise.resolve();
  let forwarding: Promise<void> | null = null;
  const forward = () => {
    if (!options.forwardAnalytics || forwarding || stopped) return;
    // Caught and logged here: the tick has nothing to wait for.
    forwarding = options
      .forwardAnalytics(clock())
      .then(
        () => {},
        (error: unknown) =>
          console.error("[rekindle] analytics: forwarding failed; the next tick retries", error),
      )
      .finally(() => (forwarding = null));
  };
  let rolledUpAt = -Infinity;
  let rollupGapMs = rollupEveryMs;
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      const { planned, outcomes } = await runEngineLoops(
        options.db,
        options.provider,
        clock(),
        options.loops ?? 1,
      );
      if (clock().getTime() - rolledUpAt >= rollupGapMs) {
        rolledUpAt = clock().getTime();
        const started = Date.now();
        await refreshAllRollups(options.db, clock());
        // A large ledger takes minutes to roll up: the engine's ticks get at least 90% of the time.
        rollupGapMs = Math.max(rollupEveryMs, 10 * (Date.now() - started));
      }
      const sent = Object.values(outcomes).reduce((a, b) => a + b, 0);
      if (planned || sent)
        options.log?.(
          `[rekindle] engine: planned ${planned} contacts, ${JSON.stringify(outcomes)}`,
        );
      if (outcomes.set_aside)
        console.error(
          `[rekindle] engine: ${outcomes.set_aside} deliveries set aside after a failure; ` +
            "their contacts' timelines say why, and they are retried with a backoff",
        );
    } catch (error) {
      console.error("[rekindle] engine tick failed; the next tick retries", error);
    } finally {
      running = false;
      forward();
    }
  };
  // A tick catches and logs its own failure: the timer has nothing to wait for.
  const timer = setInterval(() => {
    if (!running) ticking = tick();
  }, options.intervalMs);
  timer.unref?.();
  // Stops the timer; resolves once the tick and the forwarding under way have ended.
  return async () => {
    stopped = true;
    clearInterval(timer);
    await ticking;
    await forwarding;
  };
}
