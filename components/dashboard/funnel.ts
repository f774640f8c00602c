import type { DashboardData } from "@/server/metrics/dashboard-schema";
import { funnelDefinitions } from "./definitions";
import { formatCount, formatRate } from "./format";
import type { TableModel } from "./table-model";

export type FunnelStep = {
  key: keyof DashboardData["funnel"];
  label: string;
  cycles: number;
  /** Of the cycles planned; null for planned itself or when none was. */
  ofPlanned: number | null;
  /** Of the cycles sent (reached); null before that step or when none was. */
  ofSent: number | null;
};

const labels = {
  planned: "Planned",
  sent: "Sent",
  clicked: "Clicked",
  reactivated: "Reactivated",
} as const;

const share = (part: number, whole: number) => (whole === 0 ? null : part / whole);

/**
 * planned → sent → clicked → reactivated. Clicked and reactivated are both shares of sent: a
 * contact can come back without clicking, so reactivated is not a part of clicked, and its share
 * of sent is the reactivation rate.
 */
export function funnelSteps(funnel: DashboardData["funnel"]): FunnelStep[] {
  const keys = ["planned", "sent", "clicked", "reactivated"] as const;
  return keys.map((key) => ({
    key,
    label: labels[key],
    cycles: funnel[key],
    ofPlanned: key === "planned" ? null : share(funnel[key], funnel.planned),
    ofSent: key === "planned" || key === "sent" ? null : share(funnel[key], funnel.sent),
  }));
}

/** "273 · 84.6% of sent", what a step's bar says. */
export function stepLabel(step: FunnelStep): string {
  const base =
    step.ofSent !== null
      ? `${formatRate(step.ofSent)} of sent`
      : step.ofPlanned !== null
        ? `${formatRate(step.ofPlanned)} of planned`
        : null;
  return base ? `${formatCount(step.cycles)} · ${base}` : formatCount(step.cycles);
}

export function funnelTable(steps: FunnelStep[]): TableModel {
  return {
    title: "Funnel steps",
    columns: [
      { label: "Step" },
      { label: "Cycles", numeric: true },
      { label: "Of planned", numeric: true },
      { label: "Of sent", numeric: true },
    ],
    rows: steps.map((s) => ({
      key: s.key,
      definition: funnelDefinitions[s.key],
      cells: [s.label, formatCount(s.cycles), formatRate(s.ofPlanned), formatRate(s.ofSent)],
    })),
  };
}
