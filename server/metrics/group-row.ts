import type { GroupRow } from "./dashboard-schema";
import { divideMoney, sortedMoney, type Money } from "./money";

/** A group's measures read from the rollups: `reached`, `reactivations`, `revenue:USD`… */
export type Sums = Map<string, number>;

/** `prefix:CUR` measures as money per currency. */
export function moneyOf(sums: Sums, prefix: string): Money {
  const money: Money = {};
  for (const [metric, value] of sums)
    if (metric.startsWith(`${prefix}:`)) money[metric.slice(prefix.length + 1)] = value;
  return sortedMoney(money);
}

/** Measures of one group as the page shows them: counts, rate, revenue per currency. */
export function groupRow(key: string, label: string, sums: Sums): GroupRow {
  const reached = sums.get("reached") ?? 0;
  const reactivations = sums.get("reactivations") ?? 0;
  const revenue = moneyOf(sums, "revenue");
  return {
    key,
    label,
    reached,
    reactivations,
    rate: reached ? reactivations / reached : null,
    revenue,
    revenuePerReactivation: divideMoney(revenue, reactivations),
  };
}
