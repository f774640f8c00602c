"use client";

import type { SeriesPoint } from "@/server/metrics/dashboard-schema";
import { useState } from "react";
import { Select } from "@/components/ui/field";
import { currenciesOf } from "./format";
import { RateChart } from "./rate-chart";
import { RevenueChart } from "./revenue-chart";
import { Section } from "./section";
import { seriesChartRows } from "./series-data";
import { seriesTable } from "./series-table";
import { TablePanel } from "./table-panel";

/** Rate and revenue over time, then the same periods as a table. */
export function SeriesSection({
  series,
  period,
  range,
  filterLabel,
}: {
  series: SeriesPoint[];
  filterLabel?: string;
  period: "week" | "month";
  range: { from: string; to: string };
}) {
  const currencies = currenciesOf(series.map((p) => p.revenue));
  const [picked, setPicked] = useState<string | undefined>();
  const currency = picked && currencies.includes(picked) ? picked : currencies[0];
  const rows = seriesChartRows(series, period, currency);
  return (
    <Section
      id="series"
      title="Over time"
      description={`Reached cycles and their reactivations, by the ${period} their reminder was first sent.`}
      actions={
        currencies.length > 1 && (
          <label className="flex items-center gap-2 text-xs text-stone-600">
            Revenue in
            <Select
              value={currency}
              onChange={(e) => setPicked(e.target.value)}
              className="w-auto py-1"
            >
              {currencies.map((c) => (
                <option key={c}>{c}</option>
              ))}
            </Select>
          </label>
        )
      }
    >
      {series.some((p) => p.reached > 0) ? (
        <div className="grid gap-6 lg:grid-cols-2">
          <RateChart rows={rows} period={period} />
          {currency ? (
            <RevenueChart rows={rows} period={period} currency={currency} />
          ) : (
            <NoRevenue period={period} />
          )}
        </div>
      ) : (
        <p className="rounded-md border border-dashed border-stone-300 px-4 py-8 text-center text-sm text-stone-500">
          No reminder was sent in this range{filterLabel ? ` for ${filterLabel}` : ""}: the trend
          appears once one is.
        </p>
      )}
      <div className="mt-6">
        <TablePanel table={seriesTable(series, period)} range={range} />
      </div>
    </Section>
  );
}

function NoRevenue({ period }: { period: "week" | "month" }) {
  return (
    <figure className="min-w-0">
      <figcaption className="mb-2 text-sm font-medium text-stone-700">
        Revenue by {period}
      </figcaption>
      <div className="flex h-56 items-center justify-center rounded-md border border-dashed border-stone-300 px-6 text-center text-sm text-stone-500 sm:h-64">
        No revenue yet: it appears when reactivated contacts report activity with an amount (a
        purchase, a booked job) within the attribution window.
      </div>
    </figure>
  );
}
