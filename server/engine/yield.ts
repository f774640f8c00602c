/**
 * Lets pending I/O run. Embedded PGlite answers without I/O, so a long run of engine steps is one
 * unbroken chain of promises that would starve the app's HTTP requests in the same process.
 */
export function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
