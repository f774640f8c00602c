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
      description="Inactivity cycles from a planned reminder to a reactivation, in the whole workspace."
    >
      <div className="grid gap-6 xl:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
        <FunnelChart steps={steps} />
        <TablePanel table={funnelTable(steps)} range={range} />
      </div>
    </Section>
  );
}
