import type { HoldoutCard } from "@/server/metrics/dashboard-schema";
import { definitions } from "./definitions";
import { formatCount, formatRate } from "./format";
import type { TableModel } from "./table-model";

const rate = (k: number, n: number) => (n === 0 ? null : k / n);

/** Reached cycles against held-out ones: how many came back, and the rate of each. */
export function holdoutTable(card: HoldoutCard): TableModel {
  return {
    title: "Reminded and held out",
    columns: [
      { label: "Group" },
      { label: "Cycles", numeric: true },
      { label: "Came back", numeric: true },
      { label: "Rate", definition: definitions.rate, numeric: true },
    ],
    rows: [
      {
        key: "reached",
        definition: definitions.reached,
        cells: [
          "Reminded",
          formatCount(card.reached),
          formatCount(card.reactivations),
          formatRate(rate(card.reactivations, card.reached)),
        ],
      },
      {
        key: "held-out",
        definition: `Cycles held out (${card.percent}% of them, decided at their start) that came back within the attribution window after their would-be send.`,
        cells: [
          "Held out",
          formatCount(card.heldOut),
          formatCount(card.heldOutReturned),
          formatRate(rate(card.heldOutReturned, card.heldOut)),
        ],
      },
    ],
  };
}
