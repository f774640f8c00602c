import type { SeriesPoint } from "@/server/metrics/dashboard-schema";
import { toMajor } from "./format";

/** One period as the charts plot it. */
export type SeriesChartRow = {
  periodStart: string;
  label: string;
  provisional: boolean;
  reached: number;
  reactivations: number;
  /** The rate of a final period (the solid line). */
  rate: number | null;
  /** The rate of a provisional period (the dashed line), and of the final one before, to join. */
  provisionalRate: number | null;
  /** Revenue in the chart's currency, in its major unit; null when the period has none. */
  revenue: number | null;
};

export function seriesChartRows(
  series: SeriesPoint[],
  period: "week" | "month",
  currency?: string,
): SeriesChartRow[] {
  const rows = series.map((p) => ({
    periodStart: p.periodStart,
    label: periodLabel(p.periodStart, period),
    provisional: p.provisional,
    reached: p.reached,
    reactivations: p.reactivations,
    rate: p.provisional ? null : p.rate,
    provisionalRate: p.provisional ? p.rate : null,
    revenue:
      currency && p.revenue[currency] !== undefined ? toMajor(p.revenue[currency], currency) : null,
  }));
  const firstProvisional = rows.findIndex((r) => r.provisional);
  const joint = rows[firstProvisional - 1];
  if (joint && !joint.provisional) joint.provisionalRate = joint.rate;
  return rows;
}

const weekTick = new Intl.DateTimeFormat(undefined, {
  day: "numeric",
  month: "short",
  timeZone: "UTC",
});
const monthTick = new Intl.DateTimeFormat(undefined, {
  month: "short",
  year: "2-digit",
  timeZone: "UTC",
});

/** A short axis label for a period: "3 Mar" for a week, "Mar 26" for a month. */
export function periodTick(periodStart: string, period: "week" | "month"): string {
  const date = new Date(`${periodStart}T00:00:00Z`);
  return (period === "week" ? weekTick : monthTick).format(date);
}

const weekLabel = new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeZone: "UTC" });
const monthLabel = new Intl.DateTimeFormat(undefined, {
  month: "long",
  year: "numeric",
  timeZone: "UTC",
});

/** A period in full: "Week of 2 Mar 2026", "March 2026". */
export function periodLabel(periodStart: string, period: "week" | "month"): string {
  const date = new Date(`${periodStart}T00:00:00Z`);
  return period === "week" ? `Week of ${weekLabel.format(date)}` : monthLabel.format(date);
}
