"use client";

import type { DashboardInput } from "@/server/metrics/dashboard-schema";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { channelNames } from "@/components/format";
import { useTRPC } from "@/components/providers/trpc";
import { TooltipProvider } from "@/components/ui/tooltip";
import { DashboardFilters, type FilterOptions } from "./dashboard-filters";
import { DashboardSections, type Dashboard } from "./dashboard-sections";
import {
  EmptyState,
  FilterScopeNote,
  ProvisionalNote,
  UnknownStage,
  UrlProblems,
} from "./dashboard-notes";
import { Freshness } from "./freshness";
import { useDashboardFilters, useToday } from "./use-dashboard-filters";

/** The dashboard once the browser knows its day (the default range ends today). */
export function DashboardView() {
  const today = useToday();
  if (!today) return <Loading />;
  return (
    <TooltipProvider>
      <FilteredDashboard today={today} />
    </TooltipProvider>
  );
}

function FilteredDashboard({ today }: { today: string }) {
  const trpc = useTRPC();
  const { input, problems, setFilters } = useDashboardFilters(today);
  const options = useQuery(trpc.contacts.filterOptions.queryOptions());
  const query = useQuery({
    ...trpc.dashboard.get.queryOptions(input),
    placeholderData: keepPreviousData,
    // The rollups are recomputed every minute; the first time, look again sooner.
    refetchInterval: (q) => (q.state.data?.refreshedAt ? 60_000 : 5_000),
  });
  const filterLabel = describeFilter(input, options.data);
  return (
    <div className="space-y-5">
      {problems.length > 0 && <UrlProblems problems={problems} />}
      {input.stage && options.data && !options.data.stages.some((s) => s.key === input.stage) && (
        <UnknownStage stage={input.stage} />
      )}
      <DashboardFilters input={input} today={today} options={options.data} onChange={setFilters} />
      <div className="flex min-h-5 flex-wrap items-center justify-between gap-2" aria-live="polite">
        {query.data && <Freshness refreshedAt={query.data.refreshedAt} zone={query.data.zone} />}
        {query.isFetching && <span className="text-xs text-stone-500">Updating…</span>}
      </div>
      {query.isError && (
        <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800">
          The dashboard could not be loaded: {query.error.message}
        </p>
      )}
      {query.isPending && !query.isError && <Loading />}
      {query.data && (
        <Body data={query.data} input={input} filterLabel={filterLabel} options={options.data} />
      )}
    </div>
  );
}

function Body({
  data,
  input,
  filterLabel,
  options,
}: {
  data: Dashboard;
  input: DashboardInput;
  filterLabel: string | undefined;
  options: FilterOptions | undefined;
}) {
  const nothing =
    data.funnel.planned === 0 && data.kpis.contactsReached === 0 && data.kpis.returns === 0;
  if (nothing && !data.refreshedAt) return <Loading />;
  if (nothing) return <EmptyState input={input} filterLabel={filterLabel} />;
  const stageLabels = Object.fromEntries((options?.stages ?? []).map((s) => [s.key, s.label]));
  return (
    <>
      {filterLabel && <FilterScopeNote filterLabel={filterLabel} />}
      {data.provisionalFrom <= input.to && <ProvisionalNote from={data.provisionalFrom} />}
      <DashboardSections
        data={data}
        input={input}
        stageLabels={stageLabels}
        filterLabel={filterLabel}
      />
    </>
  );
}

/** "the stage “1 month”" or "Zalo", for the notes; undefined without a filter. */
function describeFilter(input: DashboardInput, options: FilterOptions | undefined) {
  if (input.stage) {
    const label = options?.stages.find((s) => s.key === input.stage)?.label ?? input.stage;
    return `the stage “${label}”`;
  }
  if (input.channel) return channelNames[input.channel] ?? input.channel;
  return undefined;
}

function Loading() {
  return (
    <div aria-busy="true" aria-label="Loading the dashboard" className="space-y-4">
      <div className="grid grid-cols-2 gap-3 md:grid-cols-3 xl:grid-cols-6">
        {Array.from({ length: 6 }, (_, i) => (
          <div key={i} className="h-24 animate-pulse rounded-lg bg-stone-200/60" />
        ))}
      </div>
      <div className="h-80 animate-pulse rounded-lg bg-stone-200/60" />
    </div>
  );
}
