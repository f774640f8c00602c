"use client";

import type { AppRouter } from "@/server/api/root";
import type { DashboardInput } from "@/server/metrics/dashboard-schema";
import type { inferRouterOutputs } from "@trpc/server";
import { BreakdownSection } from "./breakdown-section";
import { definitions } from "./definitions";
import { FunnelSection } from "./funnel-section";
import { HealthSection } from "./health-section";
import { HoldoutSection } from "./holdout-section";
import { KpiStrip } from "./kpi-strip";
import { SeriesSection } from "./series-section";
import { VariantsSection } from "./variants-section";

export type Dashboard = inferRouterOutputs<AppRouter>["dashboard"]["get"];

/** Every part of the dashboard, in reading order: headline, trend, funnel, breakdowns, tests. */
export function DashboardSections({
  data,
  input,
  stageLabels,
  filterLabel,
}: {
  data: Dashboard;
  input: DashboardInput;
  stageLabels: Record<string, string>;
  filterLabel?: string;
}) {
  const range = { from: input.from, to: input.to };
  const filtered = Boolean(input.stage || input.channel);
  // The workspace's own stage names, as the filter and the variants table say them.
  const byStage = data.byStage.map((row) => ({ ...row, label: stageLabels[row.key] ?? row.label }));
  return (
    <>
      <KpiStrip kpis={data.kpis} filtered={filtered} />
      <SeriesSection
        series={data.series}
        period={input.period}
        range={range}
        filterLabel={filterLabel}
      />
      <FunnelSection funnel={data.funnel} range={range} />
      <BreakdownSection
        id="by-stage"
        title="By stage"
        first={{ label: "Stage", definition: definitions.stage }}
        description="Stage rows can add up to more than the total: a cycle counts under every stage that sent it a reminder."
        rows={byStage}
        range={range}
        empty="No stage sent a reminder in this range."
      />
      <BreakdownSection
        id="by-channel"
        title="By channel"
        first={{ label: "Channel", definition: definitions.channel }}
        description="Channel rows can add up to more than the total: a reactivation without a click counts under every channel that delivered."
        rows={data.byChannel}
        range={range}
        empty="No channel delivered a reminder in this range."
      />
      <BreakdownSection
        id="by-cohort"
        title="By dormancy cohort"
        first={{ label: "Cohort", definition: definitions.cohort }}
        description="Cycles by the month the contact went dormant."
        rows={data.byCohort}
        range={range}
        empty="No dormant contact was reached in this range."
      />
      <VariantsSection variants={data.variants} stageLabels={stageLabels} range={range} />
      <div className="grid gap-5 lg:grid-cols-2">
        <HoldoutSection card={data.holdout} range={range} />
        <HealthSection health={data.health} range={range} />
      </div>
    </>
  );
}
