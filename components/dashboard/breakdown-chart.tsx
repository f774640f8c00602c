"use client";

import type { GroupRow } from "@/server/metrics/dashboard-schema";
import { Bar, BarChart, CartesianGrid, LabelList, XAxis, YAxis } from "recharts";
import {
  ChartContainer,
  ChartTooltip,
  ChartTooltipContent,
  type ChartConfig,
} from "@/components/ui/chart";
import { chartColors } from "./chart-colors";
import { percentTick } from "./chart-formats";
import { formatCount, formatRate } from "./format";

const config = {
  rate: { label: "Reactivation rate", color: chartColors.bar },
} satisfies ChartConfig;

const shortLabel = (label: string) => (label.length > 16 ? `${label.slice(0, 15)}…` : label);

/** The rate of each group as a horizontal bar, labelled with its value. */
export function BreakdownChart({ title, rows }: { title: string; rows: GroupRow[] }) {
  const data = rows.map((r) => ({ ...r, rate: r.rate ?? 0 }));
  return (
    <figure className="min-w-0">
      <figcaption className="mb-2 text-sm font-medium text-stone-700">{title}</figcaption>
      <ChartContainer config={config} className="w-full" style={{ height: 40 + rows.length * 40 }}>
        <BarChart data={data} layout="vertical" margin={{ top: 0, right: 48, bottom: 0, left: 0 }}>
          <CartesianGrid horizontal={false} />
          <XAxis
            type="number"
            tickLine={false}
            axisLine={false}
            tickFormatter={percentTick}
            domain={[0, "auto"]}
          />
          <YAxis
            type="category"
            dataKey="label"
            tickLine={false}
            axisLine={false}
            width={104}
            tickFormatter={shortLabel}
          />
          <ChartTooltip
            cursor={false}
            content={({ active, payload }) => (
              <ChartTooltipContent
                active={active}
                payload={payload}
                label={(payload?.[0]?.payload as GroupRow | undefined)?.label}
                valueFormatter={(_, item) => {
                  const row = item.payload as GroupRow;
                  return `${formatRate(row.rate)} (${formatCount(row.reactivations)} of ${formatCount(row.reached)})`;
                }}
              />
            )}
          />
          <Bar
            dataKey="rate"
            fill="var(--color-rate)"
            radius={[0, 3, 3, 0]}
            barSize={20}
            minPointSize={2}
            isAnimationActive={false}
          >
            <LabelList
              dataKey="rate"
              position="right"
              className="fill-stone-700"
              formatter={(value) => percentTick(Number(value))}
            />
          </Bar>
        </BarChart>
      </ChartContainer>
    </figure>
  );
}
