"use client";

import { chartColors } from "./chart-colors";
import { CartesianGrid, Line, LineChart, XAxis, YAxis } from "recharts";
import {
  ChartContainer,
  ChartTooltip,
  ChartTooltipContent,
  type ChartConfig,
} from "@/components/ui/chart";
import { percentTick } from "./chart-formats";
import { formatCount, formatRate } from "./format";
import { ProvisionalKey } from "./provisional-key";
import { periodTick, type SeriesChartRow } from "./series-data";

const config = {
  rate: { label: "Reactivation rate", color: chartColors.rate },
  provisionalRate: { label: "Reactivation rate (provisional)", color: chartColors.rate },
} satisfies ChartConfig;

type DotProps = { cx?: number; cy?: number; payload?: SeriesChartRow; index?: number };

/** A filled dot for a final period, a hollow one for a provisional period. */
function RateDot({ cx, cy, payload, index }: DotProps) {
  if (cx === undefined || cy === undefined || !payload) return <g key={index} />;
  return (
    <circle
      key={index}
      cx={cx}
      cy={cy}
      r={3.5}
      strokeWidth={2}
      stroke={chartColors.rate}
      fill={payload.provisional ? "white" : chartColors.rate}
    />
  );
}

/** Reactivation rate per period: a solid line where final, dashed where still provisional. */
export function RateChart({ rows, period }: { rows: SeriesChartRow[]; period: "week" | "month" }) {
  const hasProvisional = rows.some((r) => r.provisional);
  return (
    <figure className="min-w-0">
      <figcaption className="mb-2 text-sm font-medium text-stone-700">
        Reactivation rate by {period}
      </figcaption>
      <ChartContainer config={config} className="h-56 w-full sm:h-64" data-testid="rate-chart">
        <LineChart
          data={rows}
          margin={{ top: 8, right: 12, bottom: 0, left: 0 }}
          title={`Reactivation rate by ${period}`}
        >
          <CartesianGrid vertical={false} />
          <XAxis
            dataKey="periodStart"
            tickLine={false}
            axisLine={false}
            tickMargin={8}
            minTickGap={16}
            tickFormatter={(v: string) => periodTick(v, period)}
          />
          <YAxis
            tickLine={false}
            axisLine={false}
            width={44}
            tickFormatter={percentTick}
            domain={[0, "auto"]}
            allowDecimals
          />
          <ChartTooltip
            content={({ active, payload }) => (
              <ChartTooltipContent
                active={active}
                payload={payload?.filter(
                  (item) =>
                    (item.dataKey === "provisionalRate") ===
                    Boolean((item.payload as SeriesChartRow).provisional),
                )}
                label={(payload?.[0]?.payload as SeriesChartRow | undefined)?.label}
                indicator="line"
                valueFormatter={(_, item) => {
                  const row = item.payload as SeriesChartRow;
                  return `${formatRate(row.provisional ? row.provisionalRate : row.rate)} (${formatCount(row.reactivations)} of ${formatCount(row.reached)})`;
                }}
                footer={(payload) =>
                  (payload[0]?.payload as SeriesChartRow | undefined)?.provisional ? (
                    <span className="text-stone-500">Provisional: can still grow</span>
                  ) : null
                }
              />
            )}
          />
          <Line
            dataKey="rate"
            type="monotone"
            stroke="var(--color-rate)"
            strokeWidth={2}
            dot={RateDot}
            isAnimationActive={false}
          />
          <Line
            dataKey="provisionalRate"
            type="monotone"
            stroke="var(--color-provisionalRate)"
            strokeWidth={2}
            strokeDasharray="5 4"
            dot={RateDot}
            isAnimationActive={false}
          />
        </LineChart>
      </ChartContainer>
      {hasProvisional && <ProvisionalKey kind="line" />}
    </figure>
  );
}
