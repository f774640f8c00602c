"use client";

import { Bar, BarChart, LabelList, XAxis, YAxis } from "recharts";
import {
  ChartContainer,
  ChartTooltip,
  ChartTooltipContent,
  type ChartConfig,
} from "@/components/ui/chart";
import { chartColors } from "./chart-colors";
import { stepLabel, type FunnelStep } from "./funnel";

const config = { cycles: { label: "Cycles", color: chartColors.bar } } satisfies ChartConfig;

type LabelProps = { x?: number | string; y?: number | string; index?: number };

/** "Sent: 273 · 75.0% of planned", written above the step's bar (room enough on a phone). */
function stepText(data: { label: string; display: string }[]) {
  return function StepText({ x, y, index }: LabelProps) {
    const step = index === undefined ? undefined : data[index];
    if (!step) return null;
    return (
      <text x={Number(x)} y={Number(y) - 6} className="fill-stone-700 text-xs">
        <tspan className="font-medium">{step.label}</tspan>: {step.display}
      </text>
    );
  };
}

/** Each step's cycles as a bar, labelled with the count and its share of planned or sent. */
export function FunnelChart({ steps }: { steps: FunnelStep[] }) {
  const data = steps.map((s) => ({ ...s, display: stepLabel(s) }));
  return (
    <figure className="min-w-0">
      <figcaption className="mb-2 text-sm font-medium text-stone-700">
        Cycles at each step
      </figcaption>
      <ChartContainer config={config} className="h-60 w-full" data-testid="funnel-chart">
        <BarChart data={data} layout="vertical" margin={{ top: 20, right: 8, bottom: 0, left: 0 }}>
          <XAxis type="number" hide domain={[0, "dataMax"]} />
          <YAxis type="category" dataKey="label" hide />
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
            barSize={18}
            minPointSize={2}
            isAnimationActive={false}
          >
            <LabelList dataKey="display" content={stepText(data)} />
          </Bar>
        </BarChart>
      </ChartContainer>
    </figure>
  );
}
