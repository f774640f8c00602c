import type { VariantRow } from "@/server/metrics/dashboard-schema";
import { channelNames } from "@/components/format";
import { definitions } from "./definitions";
import { formatCount, formatInterval, formatRate, humanize } from "./format";
import type { TableModel } from "./table-model";

const percent = new Intl.NumberFormat(undefined, { style: "percent", maximumFractionDigits: 0 });

/** "92%", "<1%" or ">99%" (a probability never shows as a certainty), "—" without one. */
export function formatProbability(p: number | null): string {
  if (p === null) return "—";
  if (p > 0 && p < 0.01) return `<${percent.format(0.01)}`;
  if (p < 1 && p > 0.99) return `>${percent.format(0.99)}`;
  return percent.format(p);
}

/** Variants grouped by stage and channel (the rows they compete with), best first in each. */
export function sortVariants(rows: VariantRow[], stageOrder: string[]): VariantRow[] {
  const rank = (stage: string) => {
    const i = stageOrder.indexOf(stage);
    return i === -1 ? stageOrder.length : i;
  };
  return [...rows].sort(
    (a, b) =>
      rank(a.stage) - rank(b.stage) ||
      a.stage.localeCompare(b.stage) ||
      a.channel.localeCompare(b.channel) ||
      (b.probabilityBest ?? -1) - (a.probabilityBest ?? -1) ||
      a.variant.localeCompare(b.variant),
  );
}

export function variantTable(rows: VariantRow[], stageLabels: Record<string, string>): TableModel {
  return {
    title: "Variants by stage and channel",
    columns: [
      { label: "Stage", definition: definitions.stage },
      { label: "Channel" },
      { label: "Variant", definition: definitions.variant },
      { label: "Call to action", definition: definitions.ctaKind },
      { label: "Reached", definition: definitions.reached, numeric: true },
      { label: "Reactivations", definition: definitions.reactivations, numeric: true },
      { label: "Rate", definition: definitions.rate, numeric: true },
      { label: "95% interval", definition: definitions.interval, numeric: true },
      { label: "Probability to be best", definition: definitions.probabilityBest, numeric: true },
      { label: "Verdict", definition: definitions.verdict, wide: true },
    ],
    rows: sortVariants(rows, Object.keys(stageLabels)).map((row) => ({
      key: `${row.stage}/${row.channel}/${row.variant}`,
      group: `${row.stage}/${row.channel}`,
      cells: [
        stageLabels[row.stage] ?? row.stage,
        channelNames[row.channel] ?? row.channel,
        row.variant,
        humanize(row.ctaKind),
        formatCount(row.reached),
        formatCount(row.reactivations),
        formatRate(row.rate),
        formatInterval(row.interval),
        formatProbability(row.probabilityBest),
        row.verdict,
      ],
    })),
  };
}
