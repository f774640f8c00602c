import type { DashboardData } from "@/server/metrics/dashboard-schema";
import { funnelDefinitions } from "./definitions";
import { formatCount, formatRate } from "./format";
import type { TableModel } from "./table-model";

export type FunnelStep = {
  key: keyof DashboardData["funnel"];
  label: string;
  cycles: number;
  /** Of the step before; null for the first step or after an empty one. */
  ofPrevious: number | null;
  /** Of the cycles planned; null when none was. */
  ofPlanned: number | null;
};

const labels = {
  planned: "Planned",
  sent: "Sent",
  clicked: "Clicked",
  reactivated: "Reactivated",
} as const;

const share = (part: number, whole: number) => (whole === 0 ? null : part / whole);

/** planned → sent → clicked → reactivated, each with its share of the step before and of planned. */
export function funnelSteps(funnel: DashboardData["funnel"]): FunnelStep[] {
  const keys = ["planned", "sent", "clicked", "reactivated"] as const;
  return keys.map((key, i) => ({
    key,
    label: labels[key],
    cycles: funnel[key],
    ofPrevious: i === 0 ? null : share(funnel[key], funnel[keys[i - 1]!]),
    ofPlanned: share(funnel[key], funnel.planned),
  }));
}

export function funnelTable(steps: FunnelStep[]): TableModel {
  return {
    title: "Funnel",
    columns: [
      { label: "Step" },
      { label: "Cycles", numeric: true },
      { label: "Of the step before", numeric: true },
      { label: "Of planned", numeric: true },
    ],
    rows: steps.map((s) => ({
      key: s.key,
      definition: funnelDefinitions[s.key],
      cells: [s.label, formatCount(s.cycles), formatRate(s.ofPrevious), formatRate(s.ofPlanned)],
    })),
  };
}
