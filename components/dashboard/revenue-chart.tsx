"use client";

import { chartColors } from "./chart-colors";
import { Bar, BarChart, CartesianGrid, Cell, XAxis, YAxis } from "recharts";
import {
  ChartContainer,
  ChartTooltip,
  ChartTooltipContent,
  type ChartConfig,
} from "@/components/ui/chart";
import { majorMoney, moneyTick } from "./chart-formats";
import { ProvisionalKey } from "./provisional-key";
import { periodTick, type SeriesChartRow } from "./series-data";

const config = {
  revenue: { label: "Revenue", color: chartColors.revenue },
} satisfies ChartConfig;

/** Revenue per period in one currency; provisional periods lighter, with a dashed outline. */
export function RevenueChart({
  rows,
  period,
  currency,
}: {
  rows: SeriesChartRow[];
  period: "week" | "month";
  currency: string;
}) {
  const hasProvisional = rows.some((r) => r.provisional);
  return (
    <figure className="min-w-0">
      <figcaption className="mb-2 text-sm font-medium text-stone-700">
        Revenue by {period} ({currency})
      </figcaption>
      <ChartContainer config={config} className="h-56 w-full sm:h-64" data-testid="revenue-chart">
        <BarChart data={rows} margin={{ top: 8, right: 12, bottom: 0, left: 0 }}>
          <CartesianGrid vertical={false} />
          <XAxis
            dataKey="periodStart"
            tickLine={false}
            axisLine={false}
            tickMargin={8}
            minTickGap={16}
            tickFormatter={(v: string) => periodTick(v, period)}
          />
          <YAxis tickLine={false} axisLine={false} width={56} tickFormatter={moneyTick(currency)} />
          <ChartTooltip
            content={({ active, payload }) => (
              <ChartTooltipContent
                active={active}
                payload={payload}
                label={(payload?.[0]?.payload as SeriesChartRow | undefined)?.label}
                valueFormatter={(value) => majorMoney(Number(value), currency)}
                footer={(payload) =>
                  (payload[0]?.payload as SeriesChartRow | undefined)?.provisional ? (
                    <span className="text-stone-500">Provisional: can still grow</span>
                  ) : null
                }
              />
            )}
          />
          <Bar
            dataKey="revenue"
            fill="var(--color-revenue)"
            radius={[3, 3, 0, 0]}
            isAnimationActive={false}
          >
            {rows.map((row) => (
              <Cell
                key={row.periodStart}
                fillOpacity={row.provisional ? 0.3 : 1}
                stroke={row.provisional ? "var(--color-revenue)" : undefined}
                strokeDasharray={row.provisional ? "3 2" : undefined}
              />
            ))}
          </Bar>
        </BarChart>
      </ChartContainer>
      {hasProvisional && <ProvisionalKey kind="bar" />}
    </figure>
  );
}
