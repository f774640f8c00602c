import type { DashboardInput } from "@/server/metrics/dashboard-schema";
import { formatDay } from "./format";

const note = "rounded-lg border px-4 py-3 text-sm";

/** No data in the range at all: what would make some appear. */
export function EmptyState({
  input,
  filterLabel,
}: {
  input: DashboardInput;
  filterLabel?: string;
}) {
  return (
    <div
      className="rounded-lg border border-dashed border-stone-300 bg-white px-6 py-10 text-center"
      data-testid="dashboard-empty"
    >
      <h2 className="text-base font-semibold text-stone-900">
        Nothing was sent between {formatDay(input.from)} and {formatDay(input.to)}
        {filterLabel ? ` for ${filterLabel}` : ""}
      </h2>
      <p className="mx-auto mt-2 max-w-xl text-sm text-stone-600">
        Numbers appear once the engine plans and sends a reminder to a contact who went dormant in
        this range, and grow as those contacts come back. Widen the dates
        {filterLabel ? ", clear the stage or channel filter" : ""}, or import contacts with their
        last activity (Contacts → Import CSV). Figures are recomputed every minute.
      </p>
    </div>
  );
}

/** Periods whose attribution windows are still open: their numbers can still grow. */
export function ProvisionalNote({ from }: { from: string }) {
  return (
    <p
      className={`${note} border-amber-200 bg-amber-50 text-amber-950`}
      data-testid="provisional-note"
    >
      <strong className="font-semibold">Provisional from {formatDay(from)}:</strong> reminders sent
      since then are still inside their attribution window, so reactivations and revenue of those
      periods can still grow. They are drawn dashed or lighter and marked “Provisional” in the
      tables.
    </p>
  );
}

/** A stage or channel filter narrows the key figures and the trend only. */
export function FilterScopeNote({ filterLabel }: { filterLabel: string }) {
  return (
    <p className={`${note} border-stone-200 bg-white text-stone-700`} data-testid="filter-scope">
      Key figures and the trend show <strong className="font-semibold">{filterLabel}</strong> only;
      the funnel, breakdowns, variants, holdout and delivery health below show the whole workspace.
    </p>
  );
}

/** The URL's filters could not be used. */
export function UrlProblems({ problems }: { problems: string[] }) {
  return (
    <div role="alert" className={`${note} border-red-200 bg-red-50 text-red-800`}>
      The link’s filters could not be used ({problems.join("; ")}), so the last 12 weeks are shown.
    </div>
  );
}

/** The URL names a stage the workspace does not have. */
export function UnknownStage({ stage }: { stage: string }) {
  return (
    <p role="status" className={`${note} border-amber-200 bg-amber-50 text-amber-950`}>
      This workspace has no stage “{stage}” (the link may come from another workspace, or the stage
      was renamed): pick one under Stage.
    </p>
  );
}
