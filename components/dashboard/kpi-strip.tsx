import type { DashboardData } from "@/server/metrics/dashboard-schema";
import type { ReactNode } from "react";
import { DefinitionTip } from "./definition-tip";
import { definitions } from "./definitions";
import { formatCount, formatRate, moneyLines } from "./format";

type Kpis = DashboardData["kpis"];

function Kpi({
  id,
  label,
  definition,
  value,
  detail,
}: {
  id: string;
  label: string;
  definition: string;
  value: ReactNode;
  detail?: ReactNode;
}) {
  return (
    <div
      className="min-w-0 rounded-lg border border-stone-200 bg-white p-4"
      data-testid={`kpi-${id}`}
    >
      <dt className="flex items-start gap-1.5 text-xs font-medium text-stone-600">
        <span>{label}</span>
        <DefinitionTip term={label} definition={definition} />
      </dt>
      <dd
        className="mt-1.5 text-2xl font-semibold tracking-tight text-stone-900 tabular-nums"
        data-testid="kpi-value"
      >
        {value}
      </dd>
      {detail && <dd className="mt-1 text-xs text-stone-500">{detail}</dd>}
    </div>
  );
}

function MoneyValue({ lines }: { lines: string[] }) {
  if (lines.length === 1) return <>{lines[0]}</>;
  return (
    <span className="block text-lg leading-snug">
      {lines.map((line) => (
        <span key={line} className="block">
          {line}
        </span>
      ))}
    </span>
  );
}

/** The headline numbers of the range (narrowed by the stage or channel filter when one is set). */
export function KpiStrip({ kpis, filtered }: { kpis: Kpis; filtered: boolean }) {
  return (
    <dl className="grid grid-cols-2 gap-3 md:grid-cols-3 xl:grid-cols-6" aria-label="Key figures">
      <Kpi
        id="reached"
        label="Contacts reached"
        definition={definitions.reached}
        value={formatCount(kpis.contactsReached)}
      />
      <Kpi
        id="sent"
        label="Reminders sent"
        definition={definitions.remindersSent}
        value={formatCount(kpis.remindersSent)}
      />
      <Kpi
        id="reactivations"
        label="Reactivations"
        definition={definitions.reactivations}
        value={formatCount(kpis.reactivations)}
        detail={`of ${formatCount(kpis.returns)} returns in ${filtered ? "the workspace" : "all"}`}
      />
      <Kpi
        id="rate"
        label="Reactivation rate"
        definition={definitions.rate}
        value={formatRate(kpis.rate)}
        detail={`${formatCount(kpis.reactivations)} of ${formatCount(kpis.contactsReached)} reached`}
      />
      <Kpi
        id="revenue-per-reactivation"
        label="Revenue per reactivation"
        definition={definitions.revenuePerReactivation}
        value={<MoneyValue lines={moneyLines(kpis.revenuePerReactivation)} />}
        detail={`Revenue ${moneyLines(kpis.revenue).join(" + ")}`}
      />
      <Kpi
        id="incremental"
        label="Incremental reactivations"
        definition={definitions.incremental}
        value={
          kpis.incrementalReactivations === null ? "—" : formatCount(kpis.incrementalReactivations)
        }
        detail={
          kpis.incrementalReactivations === null
            ? "Not enough held-out cycles yet"
            : filtered
              ? "Whole workspace, from the holdout lift"
              : "From the holdout lift"
        }
      />
    </dl>
  );
}
