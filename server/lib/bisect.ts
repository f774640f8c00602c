export type BisectFailure<T> = { item: T; error: unknown };

/**
 * Runs `run` on the whole batch; when it throws, runs each half, down to single items. An item
 * that always fails then costs O(log n) extra runs and never the rest of the batch's work.
 * `run` must be all-or-nothing (a transaction), so a failed half leaves nothing behind.
 */
export async function bisect<T, R>(
  items: T[],
  run: (batch: T[]) => Promise<R>,
): Promise<{ results: R[]; failed: BisectFailure<T>[] }> {
  if (items.length === 0) return { results: [], failed: [] };
  try {
    return { results: [await run(items)], failed: [] };
  } catch (error) {
    if (items.length === 1) return { results: [], failed: [{ item: items[0]!, error }] };
    const middle = Math.ceil(items.length / 2);
    const first = await bisect(items.slice(0, middle), run);
    const second = await bisect(items.slice(middle), run);
    return {
      results: [...first.results, ...second.results],
      failed: [...first.failed, ...second.failed],
    };
  }
}
