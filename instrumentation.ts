/** Runs once when the server starts: opens (migrates, and on first start seeds) the database. */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { getDbHandle } = await import("@/db/runtime");
  const started = Date.now();
  const handle = await getDbHandle();
  console.info(`[rekindle] database ready (${handle.driver}) in ${Date.now() - started} ms`);
}
