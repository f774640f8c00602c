import { PHASE_PRODUCTION_BUILD } from "next/constants";

/** Runs once when the server starts: opens (migrates, and on first start seeds) the database. */
export async function register() {
  // `next build` loads this file too; a build must never touch the database.
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.NEXT_PHASE === PHASE_PRODUCTION_BUILD) {
    return;
  }
  const { getDbHandle } = await import("@/db/runtime");
  const started = Date.now();
  const handle = await getDbHandle();
  console.info(`[rekindle] database ready (${handle.driver}) in ${Date.now() - started} ms`);
}
