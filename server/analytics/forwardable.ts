/**
 * How far a reader of the ledger may move its cursor over a page of visible `seq`s past it.
 *
 * `seq` is handed out when a row is inserted, not when its transaction commits: a missing
 * number below a visible one belongs to a transaction still in flight (its events will appear,
 * below the visible ones) or rolled back (they never will). The reader stops at the first missing
 * number, so an event committed late is not passed over, unless it is at or below
 * `settledThrough`, up to which every transaction has ended and a missing number is final.
 *
 * `seqs` are ascending; a number seen twice (rows copied in with their own `seq`) is taken once.
 * Returns the last `seq` it may forward through, and the missing number it stopped at, if any.
 */
export function forwardableThrough(
  cursor: number,
  seqs: readonly number[],
  settledThrough: number | null,
): { through: number; missing: number | null } {
  let through = cursor;
  for (const seq of seqs) {
    if (seq <= through) continue;
    if (seq > through + 1 && (settledThrough === null || seq - 1 > settledThrough)) {
      // The missing numbers up to `settledThrough` are final; the next one may still appear.
      const final = Math.max(through, settledThrough ?? through);
      return { through: final, missing: final + 1 };
    }
    through = seq;
  }
  return { through, missing: null };
}
