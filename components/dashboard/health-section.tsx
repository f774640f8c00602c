import type { DashboardData } from "@/server/metrics/dashboard-schema";
import { healthTable } from "./health-table";
import { Section } from "./section";
import { TablePanel } from "./table-panel";

/** Failures, retries, deferrals, supersessions, skips and held-out deliveries. */
export function HealthSection({
  health,
  range,
}: {
  health: DashboardData["health"];
  range: { from: string; to: string };
}) {
  return (
    <Section
      id="health"
      title="Delivery health"
      description="What happened to deliveries due in the range, in the whole workspace."
    >
      <TablePanel table={healthTable(health)} range={range} />
    </Section>
  );
}
