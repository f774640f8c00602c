import type { Db } from "@/db/client";
/* eslint-disable @typescript-eslint/no-restricted-imports -- db/ sits below server/, except here:
   the demo's history is made by running the engine itself, so the seed calls the simulator's
   machinery. Every other file of the seed takes only types from server/. */
import { runContactClocks } from "@/server/engine/simulate/contact-clocks";
import { failingProvider } from "@/server/engine/simulate/failing-provider";
import { accepting } from "@/server/engine/simulate/run";
/* eslint-enable @typescript-eslint/no-restricted-imports */
import { demoWorld } from "./world";

/** Told after each stretch of the year: how many of `of` are done, and up to when. */
export type HistoryProgress = (done: number, of: number, through: Date) => void;

/**
 * Each stretch ends with every contact's clock at its end, so stretches cost rounds: one run
 * unless someone waits for progress, then a sixth of the year at a time.
 */
const stretchesFor = (onProgress?: HistoryProgress) => (onProgress ? 6 : 1);

/**
 * The demo's year: the real engine runs over these contacts from `start` to `end` in virtual
 * time, the way the simulator replays a scenario (per-contact clocks, the simulator's provider
 * that accepts every call but the failures it is given, events applied through the app's own
 * steps), while the contacts live their year (`world.ts`) and answer the reminders that reach
 * them. With `onProgress` the run goes a stretch of the year at a time; it leaves the engine's
 * state at `end` as one run would.
 */
export async function buildHistory(
  db: Db,
  contactIds: string[],
  start: Date,
  end: Date,
  onProgress?: HistoryProgress,
): Promise<void> {
  const world = await demoWorld(db, contactIds, start, end);
  const provider = failingProvider(accepting, world.failures, world.externalIdOf);
  const span = end.getTime() - start.getTime();
  const stretches = stretchesFor(onProgress);
  for (let i = 0; i < stretches; i++) {
    const from = new Date(start.getTime() + (span * i) / stretches);
    const to = i === stretches - 1 ? end : new Date(start.getTime() + (span * (i + 1)) / stretches);
    await runContactClocks(db, provider, world.eventsIn(from, to), from, to, {
      react: world.react,
    });
    onProgress?.(i + 1, stretches, to);
  }
}
