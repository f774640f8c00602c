"use client";

import { Bar, BarChart, LabelList, XAxis, YAxis } from "recharts";
import {
  ChartContainer,
  ChartTooltip,
  ChartTooltipContent,
  type ChartConfig,
} from "@/components/ui/chart";
import { chartColors } from "./chart-colors";
import { formatCount, formatRate } from "./format";
import type { FunnelStep } from "./funnel";

const config = { cycles: { label: "Cycles", color: chartColors.bar } } satisfies ChartConfig;

/** Each step's cycles as a bar, labelled with the count and its share of the step before. */
export function FunnelChart({ steps }: { steps: FunnelStep[] }) {
  const data = steps.map((s) => ({
    ...s,
    display:
      s.ofPrevious === null
        ? formatCount(s.cycles)
        : `${formatCount(s.cycles)} · ${formatRate(s.ofPrevious)}`,
  }));
  return (
    <figure className="min-w-0">
      <figcaption className="mb-2 text-sm font-medium text-stone-700">
        Cycles at each step (and the share of the step before)
      </figcaption>
      <ChartContainer config={config} className="h-52 w-full" data-testid="funnel-chart">
        <BarChart data={data} layout="vertical" margin={{ top: 0, right: 96, bottom: 0, left: 0 }}>
          <XAxis type="number" hide domain={[0, "dataMax"]} />
          <YAxis type="category" dataKey="label" tickLine={false} axisLine={false} width={88} />
          <ChartTooltip
            cursor={false}
            content={({ active, payload }) => (
              <ChartTooltipContent
                active={active}
                payload={payload}
                label={(payload?.[0]?.payload as FunnelStep | undefined)?.label}
                valueFormatter={(_, item) => (item.payload as { display: string }).display}
              />
            )}
          />
          <Bar
            dataKey="cycles"
            fill="var(--color-cycles)"
            radius={[0, 3, 3, 0]}
            barSize={26}
            isAnimationActive={false}
          >
            <LabelList dataKey="display" position="right" className="fill-stone-700" />
          </Bar>
        </BarChart>
      </ChartContainer>
    </figure>
  );
}
