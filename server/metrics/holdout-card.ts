import type { HoldoutCard } from "./dashboard-schema";
import { addMoney, sortedMoney, type Money } from "./money";
import { moneyOf, type Sums } from "./group-row";
import { newcombe } from "./stats";

/** Below this many held-out cycles the lift is too noisy to state (SPEC §1.8). */
export const MIN_HELD_OUT = 100;

const pp = (x: number) => `${(x * 100).toFixed(1)} pp`;

/**
 * SPEC §1.8 lift: rate(reached) − rate(held out) with Newcombe's 95% interval; incremental
 * reactivations = lift × reached; incremental revenue = (revenue per reached cycle − revenue per
 * held-out cycle) × reached, per currency. No verdict below 100 held-out cycles.
 */
export function holdoutCard(percent: number, total: Sums): HoldoutCard {
  const reached = total.get("reached") ?? 0;
  const reactivations = total.get("reactivations") ?? 0;
  const heldOut = total.get("held_out") ?? 0;
  const heldOutReturned = total.get("held_out_returned") ?? 0;
  const needed = Math.max(0, MIN_HELD_OUT - heldOut);
  const lift = needed === 0 ? newcombe(reactivations, reached, heldOutReturned, heldOut) : null;
  const incrementalRevenue = lift
    ? incremental(moneyOf(total, "revenue"), moneyOf(total, "held_out_revenue"), reached, heldOut)
    : {};
  return {
    percent,
    reached,
    reactivations,
    heldOut,
    heldOutReturned,
    lift,
    incrementalReactivations: lift ? Math.round(lift.value * reached * 10) / 10 : null,
    incrementalRevenue,
    needed,
    verdict: verdict(percent, needed, lift),
  };
}

function incremental(treated: Money, control: Money, reached: number, heldOut: number): Money {
  const currencies = Object.keys(addMoney(treated, control));
  return sortedMoney(
    Object.fromEntries(
      currencies.map((c) => [
        c,
        Math.round(((treated[c] ?? 0) / reached - (control[c] ?? 0) / heldOut) * reached),
      ]),
    ),
  );
}

function verdict(percent: number, needed: number, lift: HoldoutCard["lift"]): string {
  if (percent === 0 && needed > 0)
    return "No holdout group: an owner can set a holdout percentage in Settings to measure lift.";
  if (needed > 0 || !lift) return `Not enough data yet: ${needed} more held-out cycles needed.`;
  const range = `95% interval ${pp(lift.low)} to ${pp(lift.high)}`;
  if (lift.low > 0) return `Reminders add ${pp(lift.value)} to the return rate (${range}).`;
  if (lift.high < 0) return `Held-out contacts return more often: ${pp(lift.value)} (${range}).`;
  return `No measurable lift yet: ${pp(lift.value)}, and the ${range} includes zero.`;
}
