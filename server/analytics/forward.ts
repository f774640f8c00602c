import type { Db } from "@/db/client";
import { forwardableThrough } from "./forwardable";
import {
  loadCursor,
  moveCursor,
  startCursor,
  transactionHorizon,
  type CursorState,
} from "./ledger-cursor";
import { readLedgerPage } from "./ledger-page";
import { toAnalyticsEvent, type AnalyticsEvent } from "./posthog-events";

/** Hands events to an analytics service; resolves once it accepted them all, throws otherwise. */
export type AnalyticsSink = (events: AnalyticsEvent[]) => Promise<void>;

export type ForwardOptions = {
  /** The cursor's name in `ledger_cursors`. */
  cursor?: string;
  pageSize?: number;
  /** Pages per run: a large backlog goes out over several runs. */
  maxPages?: number;
};

export type ForwardResult = {
  /** Analytics events the sink accepted. */
  forwarded: number;
  /** The ledger `seq` the cursor stands at. */
  seq: number;
  /** Stopped at a `seq` whose transaction may still commit. */
  waiting: boolean;
};

/**
 * Forwards the ledger's new events to analytics, in insertion order, past a cursor kept in the
 * database. The engine writes `sent`, `clicked`, `reactivated` and `channel_changed` in the
 * transaction of each decision, so nothing here is on the engine's path: a slow or failing
 * analytics service delays only this reader. The cursor moves only after the sink accepted a
 * page: a failed page is sent again by the next run, and the events' ids (PostHog's event uuids)
 * make a page sent twice count once. The first run starts the cursor at the ledger's end.
 *
 * A `seq` missing past the cursor belongs to a transaction in flight or rolled back: the reader
 * waits at it until every transaction that had started when it was seen has ended, then passes
 * it. (Every engine transaction locks or writes a row before it logs, so it has an id by then.)
 */
export async function forwardLedger(
  db: Db,
  sink: AnalyticsSink,
  now: Date,
  options: ForwardOptions = {},
): Promise<ForwardResult> {
  const name = options.cursor ?? "posthog";
  const pageSize = options.pageSize ?? 500;
  const maxPages = options.maxPages ?? 20;
  let state = await loadCursor(db, name);
  if (!state) {
    state = await startCursor(db, name, now);
    return { forwarded: 0, seq: state.seq, waiting: false };
  }
  let forwarded = 0;
  for (let page = 0; page < maxPages; page++) {
    // Read before the page: a gap is final only if its transactions had ended before the read.
    const { xmin } = await transactionHorizon(db);
    const settled = state.gap && xmin >= state.gap.xmax ? state.gap.through : null;
    const facts = await readLedgerPage(db, state.seq, pageSize);
    const seqs = facts.map((f) => f.seq);
    const { through, missing } = forwardableThrough(state.seq, seqs, settled);
    const events = facts.flatMap((f) => (f.seq <= through ? (toAnalyticsEvent(f) ?? []) : []));
    if (events.length) await sink(events);
    forwarded += events.length;
    const next: CursorState = {
      seq: through,
      gap: await gapAfter(db, state, settled, missing, seqs),
    };
    if (!sameState(state, next)) {
      if (!(await moveCursor(db, name, state, next, now))) break;
      state = next;
    }
    if (missing !== null || facts.length < pageSize) break;
  }
  return { forwarded, seq: state.seq, waiting: state.gap !== null };
}

/**
 * The gap to wait on after this page: none when nothing is missing; the one already waited on
 * while it has not settled (a newer record would postpone it under steady traffic); otherwise
 * this one, with the transaction ids as of now (read after the page).
 */
async function gapAfter(
  db: Db,
  before: CursorState,
  settled: number | null,
  missing: number | null,
  seqs: number[],
): Promise<CursorState["gap"]> {
  if (missing === null) return null;
  if (before.gap && settled === null) return before.gap;
  const { xmax } = await transactionHorizon(db);
  return { through: seqs.at(-1)!, xmax };
}

const sameState = (a: CursorState, b: CursorState) =>
  a.seq === b.seq && a.gap?.through === b.gap?.through && a.gap?.xmax === b.gap?.xmax;
