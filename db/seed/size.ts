import { DAY_MS } from "./random";
import type { DemoTenant } from "./demo-tenants";

/**
 * `full`: thousands of contacts, the demo as a user sees it. `small`: the first contacts of the
 * same deterministic sequence (the same ids and past activity), so the e2e tests' server seeds,
 * builds its year of history and plans its backlog in seconds.
 */
export type SeedSize = "full" | "small";
const SMALL_SEED_CONTACTS = 60;

export function sized(demo: DemoTenant, size: SeedSize): DemoTenant {
  if (size === "full") return demo;
  return { ...demo, contactCount: Math.min(demo.contactCount, SMALL_SEED_CONTACTS) };
}

/**
 * With history, one contact in this many arrives today instead of being there for the year
 * (`populate.ts`). Few in the full demo: Brightside's 10% holdout needs its ~1,000 cycles a year
 * for the dashboard's 100 held-out ones. Half in the small seed: the e2e tests watch the live
 * engine send their backlog, and at night in Vietnam only learners abroad can get one at once.
 */
export const arrivesTodayEvery = (size: SeedSize) => (size === "full" ? 10 : 2);

/** The demo's history: the engine has run for the workspaces over the year before `now`. */
export const HISTORY_DAYS = 365;
export const historyStart = (now: Date) => new Date(now.getTime() - HISTORY_DAYS * DAY_MS);
