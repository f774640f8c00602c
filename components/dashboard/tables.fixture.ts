import type { GroupRow, SeriesPoint, VariantRow } from "@/server/metrics/dashboard-schema";

/** Rows as the server sends them, for the table builders' tests. */
export const groupRowOf = (key: string, reached: number, reactivations: number): GroupRow => ({
  key,
  label: key.toUpperCase(),
  reached,
  reactivations,
  rate: reached ? reactivations / reached : null,
  revenue: reactivations ? { USD: reactivations * 1000 } : {},
  revenuePerReactivation: reactivations ? { USD: 1000 } : {},
});

export const pointOf = (
  periodStart: string,
  reached: number,
  k: number,
  provisional: boolean,
): SeriesPoint => ({
  ...groupRowOf(periodStart, reached, k),
  label: periodStart,
  periodStart,
  provisional,
});

export const variantOf = (
  stage: string,
  channel: string,
  variant: string,
  probabilityBest: number | null,
): VariantRow => ({
  ...groupRowOf(`${stage}|${channel}|${variant}|link`, 40, 8),
  stage,
  channel,
  variant,
  ctaKind: "open_app",
  interval: [0.1, 0.35],
  probabilityBest,
  verdict: "No clear difference yet (40% likely best).",
});
