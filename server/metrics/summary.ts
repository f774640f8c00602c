import { addMoney, type Money } from "./money";
import type { CycleOutcome } from "./attribution";

/** Reached cycles, the reactivations among them and their revenue (SPEC §1.8). */
export type Counts = { reached: number; reactivations: number; revenue: Money };

export type HoldoutCounts = {
  /** Held-out cycles with a would-be send. */
  heldOut: number;
  /** Those whose contact returned within the window after the would-be send. */
  returned: number;
  revenue: Money;
};

export type Summary = {
  total: Counts;
  /** Every return, with or without a reminder (held-out cycles excluded). */
  returns: number;
  /** A cycle counts under every stage that reached it; reactivations under the attributed one. */
  byStage: Record<string, Counts>;
  /** A cycle counts under every channel that delivered in it; see `CycleOutcome.credited`. */
  byChannel: Record<string, Counts>;
  holdout: HoldoutCounts;
};

const empty = (): Counts => ({ reached: 0, reactivations: 0, revenue: {} });

const group = (groups: Record<string, Counts>, key: string) => (groups[key] ??= empty());

function addReactivation(counts: Counts, revenue: Money) {
  counts.reactivations += 1;
  counts.revenue = addMoney(counts.revenue, revenue);
}

/** Adds up cycle outcomes into the totals and breakdowns every view of the metrics shows. */
export function summarize(outcomes: Iterable<CycleOutcome>): Summary {
  const summary: Summary = {
    total: empty(),
    returns: 0,
    byStage: {},
    byChannel: {},
    holdout: { heldOut: 0, returned: 0, revenue: {} },
  };
  for (const o of outcomes) {
    if (o.cycle.heldOut) {
      if (o.cycle.wouldBeAt) summary.holdout.heldOut += 1;
      if (o.heldOutReturned) {
        summary.holdout.returned += 1;
        summary.holdout.revenue = addMoney(summary.holdout.revenue, o.revenue);
      }
      continue;
    }
    if (o.cycle.returnedAt) summary.returns += 1;
    if (!o.reached) continue;
    summary.total.reached += 1;
    const stages = new Set(o.cycle.reminders.filter((r) => r.delivered.length).map((r) => r.stage));
    for (const stage of stages) group(summary.byStage, stage).reached += 1;
    const channels = new Set(o.cycle.reminders.flatMap((r) => r.delivered.map((d) => d.channel)));
    for (const channel of channels) group(summary.byChannel, channel).reached += 1;
    if (!o.reactivated) continue;
    addReactivation(summary.total, o.revenue);
    addReactivation(group(summary.byStage, o.attributed!.reminder.stage), o.revenue);
    for (const channel of new Set(o.credited.map((c) => c.channel)))
      addReactivation(group(summary.byChannel, channel), o.revenue);
  }
  return summary;
}
