import { PHASE_PRODUCTION_BUILD } from "next/constants";

/**
 * Runs once when the server starts: opens the database (migrating, and seeding an empty embedded
 * one) and starts the embedded engine in this process, beside the app (PGlite is one-process).
 */
export async function register() {
  // `next build` loads this file too; a build must never touch the database.
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.NEXT_PHASE === PHASE_PRODUCTION_BUILD) {
    return;
  }
  // Bad rate-limit settings stop the start, rather than fail every public request later.
  const { rateLimitSettings } = await import("@/server/http/rate-limits");
  rateLimitSettings.parse(process.env);
  const { getDbHandle } = await import("@/db/runtime");
  const { startEngine } = await import("@/server/engine/start");
  const { readyMessage } = await import("@/server/ready-message");
  const started = Date.now();
  const handle = await getDbHandle();
  console.info(`[rekindle] database ready (${handle.driver}) in ${Date.now() - started} ms`);
  startEngine(handle.db);
  console.info(readyMessage());
}
