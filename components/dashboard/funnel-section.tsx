import type { DashboardData } from "@/server/metrics/dashboard-schema";
import { funnelSteps, funnelTable } from "./funnel";
import { FunnelChart } from "./funnel-chart";
import { Section } from "./section";
import { TablePanel } from "./table-panel";

/** planned → sent → clicked → reactivated, in cycles: the chart beside its table. */
export function FunnelSection({
  funnel,
  range,
}: {
  funnel: DashboardData["funnel"];
  range: { from: string; to: string };
}) {
  const steps = funnelSteps(funnel);
  return (
    <Section
      id="funnel"
      title="Funnel"
      description="Inactivity cycles from a planned reminder to a reactivation, in the whole workspace. A contact can come back without clicking: reactivated is a share of sent, not of clicked."
    >
      <div className="grid gap-6 xl:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
        <FunnelChart steps={steps} />
        <TablePanel table={funnelTable(steps)} range={range} />
      </div>
      {steps.some((s) => s.ofPlanned !== null && s.ofPlanned > 1) && (
        <p className="mt-3 text-xs text-stone-600">
          A step can count more cycles than planned: each step is counted in the period it happened,
          so a cycle planned before the range and sent in it counts as sent but not as planned.
        </p>
      )}
    </Section>
  );
}
