import { and, eq, gte, lte, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { metricRollups, metricRollupState } from "@/db/schema";
import type { TenantKind } from "@/db/schema/enums";
import { localDate } from "@/server/engine/time";
import { getTenantSettings } from "@/server/settings/get";
import { stageLabels as stageLabelsOf } from "@/server/settings/stage-labels";
import type { DashboardData, DashboardInput } from "./dashboard-schema";
import { holdoutCard } from "./holdout-card";
import { groupRow, type Sums } from "./group-row";
import { addDays, periodEnd, periodStart } from "./periods";
import { variantRows } from "./variant-rows";

type Row = { periodStart: string; dimension: string; key: string; metric: string; value: number };

const channelLabels: Record<string, string> = {
  email: "Email",
  sms: "SMS",
  web_push: "Web push",
  zalo: "Zalo",
};

/** Adds up rows into measures per group key. */
function sumBy(rows: Row[], group: (r: Row) => string | null): Map<string, Sums> {
  const out = new Map<string, Sums>();
  for (const r of rows) {
    const g = group(r);
    if (g === null) continue;
    const sums = out.get(g) ?? new Map<string, number>();
    sums.set(r.metric, (sums.get(r.metric) ?? 0) + r.value);
    out.set(g, sums);
  }
  return out;
}

/**
 * The analyst dashboard (SPEC §1.8, §3) for a date range, read from the rollups: a few thousand
 * rows whatever the size of the ledger. A stage or channel filter narrows the KPIs and the series
 * to that group; breakdowns, funnel and health stay the workspace's.
 */
export async function dashboardData(
  db: Db,
  tenant: { id: string; kind: TenantKind; timeZone: string },
  input: DashboardInput,
  now: Date,
): Promise<DashboardData & { refreshedAt: Date | null }> {
  const settings = await getTenantSettings(db, tenant);
  const firstPeriod = periodStart(input.from, input.period);
  const rows: Row[] = await db
    .select({
      periodStart: metricRollups.periodStart,
      dimension: metricRollups.dimension,
      key: metricRollups.key,
      metric: metricRollups.metric,
      value: sql<number>`${metricRollups.value}`.mapWith(Number),
    })
    .from(metricRollups)
    .where(
      and(
        eq(metricRollups.tenantId, tenant.id),
        eq(metricRollups.period, input.period),
        gte(metricRollups.periodStart, firstPeriod),
        lte(metricRollups.periodStart, input.to),
      ),
    );
  const [state] = await db
    .select({ refreshedAt: metricRollupState.refreshedAt })
    .from(metricRollupState)
    .where(eq(metricRollupState.tenantId, tenant.id));

  const focus = input.stage
    ? { dimension: "stage", key: input.stage }
    : input.channel
      ? { dimension: "channel", key: input.channel }
      : { dimension: "total", key: "" };
  const inFocus = (r: Row) => r.dimension === focus.dimension && r.key === focus.key;
  const total =
    sumBy(rows, (r) => (r.dimension === "total" ? "" : null)).get("") ?? new Map<string, number>();
  const focused = sumBy(rows, (r) => (inFocus(r) ? "" : null)).get("") ?? new Map<string, number>();
  const byPeriod = sumBy(rows, (r) => (inFocus(r) ? r.periodStart : null));
  const today = localDate(now, tenant.timeZone);
  const window = settings.attributionWindowDays;
  const provisionalFrom = addDays(today, -window);

  const series = [];
  for (let p = firstPeriod; p <= input.to; p = periodEnd(p, input.period)) {
    series.push({
      ...groupRow(p, p, byPeriod.get(p) ?? new Map<string, number>()),
      periodStart: p,
      provisional: periodEnd(p, input.period) > provisionalFrom,
    });
  }
  const labels = stageLabelsOf(settings);
  const stageLabels = new Map(Object.entries({ recurring: "Recurring", ...labels }));
  const stageOrder = [...settings.cadence.stages.map((s) => s.key), "recurring"];
  const groups = (dimension: string, label: (key: string) => string) =>
    [...sumBy(rows, (r) => (r.dimension === dimension ? r.key : null))].map(([key, sums]) =>
      groupRow(key, label(key), sums),
    );
  const focusedRow = groupRow("", "", focused);
  const holdout = holdoutCard(settings.holdoutPercent, total);
  const count = (metric: string) => total.get(metric) ?? 0;
  const countsBy = (prefix: string) =>
    [...total]
      .filter(([m]) => m.startsWith(prefix))
      .map(([m, count]) => ({ key: m.slice(prefix.length), count }))
      .sort((a, b) => b.count - a.count);

  return {
    zone: tenant.timeZone,
    provisionalFrom,
    refreshedAt: state?.refreshedAt ?? null,
    kpis: {
      contactsReached: focusedRow.reached,
      remindersSent: focused.get("sent") ?? 0,
      reactivations: focusedRow.reactivations,
      rate: focusedRow.rate,
      returns: count("returns"),
      revenue: focusedRow.revenue,
      revenuePerReactivation: focusedRow.revenuePerReactivation,
      incrementalReactivations: holdout.incrementalReactivations,
    },
    series,
    byStage: groups("stage", (k) => stageLabels.get(k) ?? k).sort(
      (a, b) => stageOrder.indexOf(a.key) - stageOrder.indexOf(b.key),
    ),
    byChannel: groups("channel", (k) => channelLabels[k] ?? k).sort(
      (a, b) => b.reached - a.reached,
    ),
    byCohort: groups("cohort", cohortLabel).sort((a, b) => a.key.localeCompare(b.key)),
    variants: variantRows(
      sumBy(rows, (r) => (r.dimension === "variant" ? r.key : null)),
      stageLabels,
    ),
    funnel: {
      planned: count("planned"),
      sent: count("reached"),
      clicked: count("clicked"),
      reactivated: count("reactivations"),
    },
    health: {
      failuresByClass: countsBy("failure:"),
      retries: count("retry"),
      deferredQuietHours: count("event:deferred_quiet_hours"),
      capped: count("event:capped"),
      superseded: countsBy("status:superseded:").reduce((n, r) => n + r.count, 0),
      skippedByReason: countsBy("status:skipped:"),
      heldOut: countsBy("status:held_out:").reduce((n, r) => n + r.count, 0),
    },
    holdout,
  };
}

/** "2026-03" → "March 2026". */
function cohortLabel(month: string): string {
  return new Date(`${month}-01T00:00:00Z`).toLocaleDateString("en-US", {
    month: "long",
    year: "numeric",
    timeZone: "UTC",
  });
}
