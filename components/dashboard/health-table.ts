import type { DashboardData } from "@/server/metrics/dashboard-schema";
import { formatCount, humanize } from "./format";
import type { TableModel } from "./table-model";

type Health = DashboardData["health"];

export const healthDefinitions = {
  failed: "Deliveries that failed for good, by the provider's class of error.",
  retries: "Attempts repeated after a transient failure (a timeout, a rate limit, a 5xx).",
  deferredQuietHours: "Deliveries moved to the end of quiet hours in the contact's zone.",
  capped:
    "Deliveries moved to the next day because the channel already carried a reminder that local day.",
  superseded: "Deliveries replaced by a later stage's reminder before they went out.",
  skipped: "Deliveries not sent, by reason (an opt-out, no address, do-not-contact…).",
  heldOut: "Deliveries not sent because their cycle is in the holdout group.",
} as const;

/** Delivery health as rows of "what happened" and how often, failures and skips by reason. */
export function healthTable(health: Health): TableModel {
  const row = (key: string, what: string, count: number, definition: string) => ({
    key,
    definition,
    cells: [what, formatCount(count)],
  });
  const rows = [
    ...health.failuresByClass.map((f) =>
      row(`failed:${f.key}`, `Failed: ${humanize(f.key)}`, f.count, healthDefinitions.failed),
    ),
    row("retries", "Retries", health.retries, healthDefinitions.retries),
    row(
      "quiet",
      "Deferred by quiet hours",
      health.deferredQuietHours,
      healthDefinitions.deferredQuietHours,
    ),
    row("capped", "Deferred by the daily cap", health.capped, healthDefinitions.capped),
    row("superseded", "Superseded", health.superseded, healthDefinitions.superseded),
    ...health.skippedByReason.map((s) =>
      row(`skipped:${s.key}`, `Skipped: ${humanize(s.key)}`, s.count, healthDefinitions.skipped),
    ),
    row("held-out", "Held out", health.heldOut, healthDefinitions.heldOut),
  ];
  return {
    title: "Deliveries by outcome",
    columns: [{ label: "What happened" }, { label: "Count", numeric: true }],
    rows,
  };
}
