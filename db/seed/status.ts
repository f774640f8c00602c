/**
 * Where the demo's year of history is, in this process, for the app to show and the log to
 * tell: `building` while a background build runs (`background.ts`), then `ready` or `failed`.
 * `none`: no build was needed (the database had its demo, or the seed ran in place).
 */
export type DemoHistoryStatus =
  | { state: "none" }
  | { state: "building"; startedAt: Date; done: number; of: number; through: Date | null }
  | { state: "ready"; startedAt: Date; finishedAt: Date }
  | { state: "failed"; startedAt: Date; error: string };

// On globalThis: Next loads this module once per bundle (instrumentation, routes).
const global = globalThis as unknown as { rekindleDemoHistory?: DemoHistoryStatus };

export function demoHistoryStatus(): DemoHistoryStatus {
  return global.rekindleDemoHistory ?? { state: "none" };
}

export function setDemoHistoryStatus(status: DemoHistoryStatus): void {
  global.rekindleDemoHistory = status;
}
