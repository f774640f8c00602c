/**
 * Remembers the answers of a pure function of strings and numbers, up to `limit` of them (then it
 * starts again: the callers' inputs may be unbounded). For calls that cost a few `Intl` lookups
 * and are asked the same questions over and over, e.g. the same zones and dates for every
 * contact of a batch.
 */
export function memo<A extends (string | number)[], R>(fn: (...args: A) => R, limit = 50_000) {
  const cache = new Map<string, R>();
  return (...args: A): R => {
    const key = args.join("|");
    let value = cache.get(key);
    if (value === undefined) {
      if (cache.size >= limit) cache.clear();
      value = fn(...args);
      cache.set(key, value);
    }
    return value;
  };
}
